/*
 * Copyright 2026 the dp3-taskqueue authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.dp3taskqueue.dp3.model;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.dp3taskqueue.dp3.task.InvalidTaskException;
import io.github.dp3taskqueue.dp3.task.Refusal;

/**
 * A task DP3's worker would refuse (and drop). It lists every problem as pydantic reports it, or
 * names the plain Python exception DP3's own code would raise for it.
 */
public class RefusedTaskException extends InvalidTaskException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;
    private final List<String> described;
    private final String pythonException;

    /**
     * @param root the task or request body the problems were found in (for naming the data points), or
     *             {@code null}
     */
    RefusedTaskException(String subject, List<Problem> problems, String pythonException, String detail,
            JsonNode root) {
        this(subject, problems, problems.stream().map(p -> p.describe(root)).toList(), pythonException, detail,
                pythonException != null ? List.of(Refusal.whole(subject, pythonException, root))
                        : problems.stream().map(p -> Refusal.at(p.loc(), p.type(), root)).toList());
    }

    private RefusedTaskException(String subject, List<Problem> problems, List<String> described,
            String pythonException, String detail, List<Refusal> refusals) {
        super(message(subject, described, pythonException, detail), null, null, refusals);
        this.problems = List.copyOf(problems);
        this.described = described;
        this.pythonException = pythonException;
    }

    /** A body that is not JSON (DP3: one {@code json_invalid} problem), said in words: where, and why. */
    static RefusedTaskException notJson(String subject, Problem problem, String why) {
        return new RefusedTaskException(subject + " is not JSON: " + why, List.of(problem),
                List.of(Refusal.whole(subject, problem.type(), null)));
    }

    private RefusedTaskException(String message, List<Problem> problems, List<Refusal> refusals) {
        super(message, null, null, refusals);
        this.problems = List.copyOf(problems);
        this.described = List.of(message);
        this.pythonException = null;
    }

    private RefusedTaskException(RefusedTaskException other, String message, byte[] body) {
        super(message, body, other.getCause(), other.refusals());
        this.problems = other.problems;
        this.described = other.described;
        this.pythonException = other.pythonException;
    }

    private static String message(String subject, List<String> described, String pythonException, String detail) {
        if (pythonException != null) {
            return subject + " is refused: DP3's worker would raise " + pythonException + " (" + detail
                    + ") and lose the task";
        }
        return subject + " is refused by DP3's data model, " + described.size()
                + (described.size() == 1 ? " problem: " : " problems: ") + String.join("; ", described);
    }

    /** Each problem as one line that names the data point, its entity type and attribute ({@link Problem#describe}). */
    public List<String> described() {
        return described;
    }

    /** pydantic's errors, in DP3's order; empty when {@link #pythonException()} is set. */
    public List<Problem> problems() {
        return problems;
    }

    /** {@code ValidationError}, or the Python exception DP3's own code would raise ({@code TypeError}, ...). */
    public String pythonException() {
        return pythonException == null ? "ValidationError" : pythonException;
    }

    /** The same refusal with another subject (e.g. "item 3 of the batch"). */
    public RefusedTaskException prefixed(String prefix) {
        return new RefusedTaskException(this, prefix + getMessage(), getRawBody());
    }

    @Override
    public InvalidTaskException withRawBody(byte[] body) {
        RefusedTaskException copy = new RefusedTaskException(this, getMessage(), body);
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
