package org.earlyhelp.referrals.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.earlyhelp.shared.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/** The partner API's errors as RFC 9457 problem details, with each field's message. */
@RestControllerAdvice(assignableTypes = PartnerApi.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    static final URI INVALID = URI.create("https://earlyhelp.example/problems/invalid-request");
    static final URI FORBIDDEN = URI.create("https://earlyhelp.example/problems/forbidden");
    static final URI NOT_FOUND = URI.create("https://earlyhelp.example/problems/not-found");

    /** One field's problem. */
    record FieldProblem(String field, String message) {}

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalid(ValidationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The request for support has " + e.problems().size() + " problems; nothing was saved.");
        problem.setType(INVALID);
        problem.setTitle("The request for support is not valid");
        List<FieldProblem> errors = e.problems().entrySet().stream()
                .map((Map.Entry<String, String> p) -> new FieldProblem(p.getKey(), p.getValue()))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * A body that is not JSON, or JSON with a value of the wrong kind: the problem names the field
     * and says what it should be, instead of Spring's "Failed to read request".
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem unreadable = unreadable(e.getMostSpecificCause());
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable.message() + " Nothing was saved.");
        problem.setType(INVALID);
        problem.setTitle("The request for support could not be read");
        problem.setProperty("errors", List.of(unreadable));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** What was wrong with a body Jackson could not read, in plain words, and where. */
    static FieldProblem unreadable(Throwable cause) {
        if (!(cause instanceof JacksonException jackson)) {
            return new FieldProblem("body", "The body is empty or is not JSON.");
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : jackson.getPath()) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String field = path.isEmpty() ? "body" : path.toString();
        if (jackson instanceof MismatchedInputException mismatch) {
            Class<?> type = mismatch.getTargetType();
            String wanted;
            if (type == null) {
                wanted = "a value of another kind";
            } else if (type == LocalDate.class) {
                wanted = "a date written as yyyy-mm-dd";
            } else if (type.isEnum()) {
                wanted = "one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(Object::toString)
                                .collect(Collectors.joining(", "));
            } else if (type == String.class) {
                wanted = "text";
            } else if (Collection.class.isAssignableFrom(type)) {
                wanted = "a list";
            } else if (Map.class.isAssignableFrom(type) || type.isRecord()) {
                wanted = "an object";
            } else {
                wanted = "a " + type.getSimpleName();
            }
            return new FieldProblem(field, field + " must be " + wanted + ".");
        }
        var where = jackson.getLocation();
        return new FieldProblem(
                field,
                where == null || where.getLineNr() < 0
                        ? "The body is not valid JSON."
                        : "The body is not valid JSON (line " + where.getLineNr() + ", column " + where.getColumnNr()
                                + ").");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail refused(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, "This client may not make requests for support: " + e.getMessage());
        problem.setType(FORBIDDEN);
        problem.setTitle("Not allowed");
        return problem;
    }
}
