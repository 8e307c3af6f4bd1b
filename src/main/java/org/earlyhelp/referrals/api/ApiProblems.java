package org.earlyhelp.referrals.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.earlyhelp.shared.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

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

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail refused(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, "This client may not make requests for support: " + e.getMessage());
        problem.setType(FORBIDDEN);
        problem.setTitle("Not allowed");
        return problem;
    }
}
