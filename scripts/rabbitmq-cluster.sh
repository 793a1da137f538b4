#!/bin/sh
# A three-node RabbitMQ cluster on this one machine, from the Debian package, beside the single test
# broker (which keeps 127.0.0.1:5672). Used by ClusterIT; usable by hand:
#
#   scripts/rabbitmq-cluster.sh start         nodes dp3c1..3@localhost on AMQP ports 5681..5683
#   scripts/rabbitmq-cluster.sh stop-node N   stop node N's RabbitMQ application (N = 1..3)
#   scripts/rabbitmq-cluster.sh start-node N  start it again (it rejoins the cluster)
#   scripts/rabbitmq-cluster.sh stop          stop the three nodes and delete their data
#
# Each node has its own name, AMQP port (568N), distribution port (2568N), data and log directory
# under $DP3_CLUSTER_DIR (default /tmp/dp3-cluster); they share the rabbitmq user's Erlang cookie.
# Run as root (the nodes run as the rabbitmq user) or as the rabbitmq user.
set -eu

DIR=${DP3_CLUSTER_DIR:-/tmp/dp3-cluster}
BIN=/usr/lib/rabbitmq/bin

as_rabbitmq() {
    if [ "$(id -u)" = 0 ]; then
        su rabbitmq -s /bin/sh -c "$*"
    else
        sh -c "$*"
    fi
}

node_env() {
    n=$1
    echo "HOME=/var/lib/rabbitmq RABBITMQ_NODENAME=dp3c$n@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=568$n" \
         "RABBITMQ_DIST_PORT=2568$n RABBITMQ_MNESIA_BASE=$DIR/c$n/mnesia RABBITMQ_LOG_BASE=$DIR/c$n/log" \
         "RABBITMQ_CONFIG_FILE=$DIR/c$n/rabbitmq RABBITMQ_ENABLED_PLUGINS_FILE=$DIR/c$n/enabled_plugins" \
         "RABBITMQ_PID_FILE=$DIR/c$n/pid"
}

ctl() {
    n=$1
    shift
    as_rabbitmq "$(node_env "$n") $BIN/rabbitmqctl -n dp3c$n@localhost $*"
}

start_node() {
    n=$1
    mkdir -p "$DIR/c$n/mnesia" "$DIR/c$n/log"
    printf 'listeners.tcp.local = 127.0.0.1:568%s\nloopback_users = none\n' "$n" > "$DIR/c$n/rabbitmq.conf"
    printf '[].\n' > "$DIR/c$n/enabled_plugins"
    chown -R rabbitmq:rabbitmq "$DIR" 2>/dev/null || true
    as_rabbitmq "$(node_env "$n") $BIN/rabbitmq-server -detached"
}

case "${1:-}" in
    start)
        mkdir -p "$DIR"
        for n in 1 2 3; do start_node "$n"; done
        # wait for each node's pid file and boot (await_startup alone fails before the node is registered)
        for n in 1 2 3; do ctl "$n" wait "$DIR/c$n/pid" --timeout 180; done
        for n in 2 3; do
            ctl "$n" stop_app
            ctl "$n" join_cluster dp3c1@localhost
            ctl "$n" start_app
        done
        ctl 1 await_startup --timeout 60
        echo "cluster dp3c1..3@localhost up on 127.0.0.1:5681,127.0.0.1:5682,127.0.0.1:5683"
        ;;
    stop-node)
        ctl "$2" stop_app
        ;;
    start-node)
        ctl "$2" start_app
        ctl "$2" await_startup --timeout 120
        ;;
    status)
        ctl 1 cluster_status
        ;;
    stop)
        for n in 1 2 3; do ctl "$n" stop 2>/dev/null || true; done
        rm -rf "$DIR"
        ;;
    *)
        echo "usage: $0 start|stop|stop-node N|start-node N|status" >&2
        exit 2
        ;;
esac
