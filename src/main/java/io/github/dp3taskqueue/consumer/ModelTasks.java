package io.github.dp3taskqueue.consumer;

import java.util.ArrayList;
import java.util.List;

import io.github.dp3taskqueue.model.TaskValidator;
import io.github.dp3taskqueue.model.ValidatedTask;
import io.github.dp3taskqueue.task.DataPoint;
import io.github.dp3taskqueue.task.DataPointTask;
import io.github.dp3taskqueue.task.TaskJsonReader;
import io.github.dp3taskqueue.task.TaskKind;

/**
 * A delivered body checked against DP3's model as DP3's worker checks it: a body DP3 would refuse
 * throws the refusal (every problem listed); an accepted one becomes the task as DP3 reads it, its
 * data points carrying their validated values.
 */
final class ModelTasks {

    private ModelTasks() {
    }

    static DataPointTask read(TaskValidator validator, byte[] body) {
        ValidatedTask checked = validator.validate(body, "the delivered task");
        // DP3's own form of the task: canonical eids and datetimes, as the worker sees it
        DataPointTask task = (DataPointTask) TaskJsonReader.read(TaskKind.DATAPOINT, checked.message());
        List<DataPoint> points = new ArrayList<>(task.dataPoints().size());
        for (int i = 0; i < task.dataPoints().size(); i++) {
            points.add(task.dataPoints().get(i).withValue(checked.points().get(i).v()));
        }
        return new DataPointTask(task.etype(), task.eid(), points, task.tags(), task.ttlTokens(), task.delete());
    }
}
