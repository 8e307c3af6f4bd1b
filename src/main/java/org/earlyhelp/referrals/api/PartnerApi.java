package org.earlyhelp.referrals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.earlyhelp.referrals.ConsentDraft;
import org.earlyhelp.referrals.ConsentMethod;
import org.earlyhelp.referrals.DecisionOutcome;
import org.earlyhelp.referrals.FamilyMemberDraft;
import org.earlyhelp.referrals.Relationship;
import org.earlyhelp.referrals.RequestDraft;
import org.earlyhelp.referrals.RequestId;
import org.earlyhelp.referrals.RequestStatus;
import org.earlyhelp.referrals.RequestSummary;
import org.earlyhelp.referrals.RequestsForSupport;
import org.earlyhelp.referrals.Submitted;
import org.earlyhelp.shared.HubId;
import org.earlyhelp.shared.Message;
import org.earlyhelp.shared.OutcomeArea;
import org.earlyhelp.shared.ValidationException;
import org.earlyhelp.shared.security.CurrentUsers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partner API for schools' and health systems: make a request for support and follow its
 * status, as JSON, with an OAuth2 client-credentials token from Keycloak. A system sees only the
 * requests it made, and never the family's record. Validation errors are RFC 9457 problem details.
 */
@RestController
@RequestMapping(path = "/api/v1/requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Requests for support", description = "Ask a hub for early help for a family, and follow the request")
@SecurityRequirement(name = "keycloak")
class PartnerApi {

    private final RequestsForSupport requests;
    private final CurrentUsers currentUsers;

    PartnerApi(RequestsForSupport requests, CurrentUsers currentUsers) {
        this.requests = requests;
        this.currentUsers = currentUsers;
    }

    /** A family member. */
    record Member(
            @Schema(example = "Leo") String givenName,
            @Schema(example = "Ashworth") String familyName,
            @Schema(example = "2016-05-03") @Nullable LocalDate dateOfBirth,
            @Nullable Relationship relationship,

            @Schema(description = "Optional, as the family describes it") @Nullable
            String sex,

            @Schema(description = "Optional, as the family describes it") @Nullable
            String ethnicity) {}

    /** Consent to share, as the family gave it. */
    record Consent(
            @Schema(example = "Jade Ashworth (mother)") String givenBy,
            @Nullable LocalDate givenOn,
            @Nullable ConsentMethod method,

            @Schema(example = "School, health, the hub's team")
            String shareWith) {}

    /** A request for support. */
    record NewRequest(
            List<Member> members,
            @Schema(example = "12 Castle Street, Dudley") String address,
            @Schema(example = "DY1 1AA") String postcode,

            @Schema(description = "Only when the postcode is outside the borough's lookup") @Nullable
            String hub,

            @Nullable String hubReason,

            @Schema(description = "Each need's outcome area and what the referrer sees")
            Map<OutcomeArea, String> needs,

            @Nullable String tried,
            @Nullable String involved,
            Consent consent) {}

    /** Where a request is: never the family's record. */
    record Status(
            UUID id,
            RequestStatus status,
            String hub,
            Instant submittedAt,
            Instant decisionDue,
            @Nullable Integer level,
            @Nullable DecisionOutcome outcome,

            @Schema(
                    description = "Why the hub decided so: absent before the decision, once the family has"
                            + " withdrawn consent, and from earlyhelp.referrals.referrer-details-days (90)"
                            + " after the decision")
            @Nullable
            String reasons,

            @Nullable Instant decidedAt,

            @Schema(description = "Who leads the early help: absent when reasons are, or before allocation") @Nullable
            String leadPractitioner) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Ask for early help for a family",
            description = "Not the route when a child may be at risk of significant harm: contact the"
                    + " borough's front door now (999 in an emergency). A request made here waits up to a"
                    + " working day for the hub's decision; a concern recorded through the portal's request"
                    + " form goes to the hub's safeguarding leads at once.")
    @ApiResponse(responseCode = "201", description = "Saved; the hub decides within one working day")
    @ApiResponse(responseCode = "400", description = "Problems with named fields (RFC 9457 problem details)")
    @ApiResponse(responseCode = "401", description = "No valid token")
    @ApiResponse(responseCode = "403", description = "The client may not make requests")
    ResponseEntity<Status> submit(@RequestBody NewRequest body) {
        String client = currentUsers.require().username();
        Map<OutcomeArea, String> needs = new EnumMap<>(OutcomeArea.class);
        if (body.needs() != null) {
            needs.putAll(body.needs());
        }
        Consent consent = body.consent() == null ? new Consent("", null, null, "") : body.consent();
        RequestDraft draft = new RequestDraft(
                body.members() == null
                        ? List.of()
                        : body.members().stream()
                                .map(m -> new FamilyMemberDraft(
                                        text(m.givenName()),
                                        text(m.familyName()),
                                        m.dateOfBirth(),
                                        m.relationship(),
                                        m.sex(),
                                        m.ethnicity()))
                                .toList(),
                text(body.address()),
                text(body.postcode()),
                hub(body.hub()),
                body.hubReason(),
                needs,
                text(body.tried()),
                text(body.involved()),
                new ConsentDraft(
                        text(consent.givenBy()), consent.givenOn(), consent.method(), text(consent.shareWith())),
                null);
        Submitted submitted = requests.submit(draft, "api:" + client);
        return ResponseEntity.created(URI.create("/api/v1/requests/" + submitted.request()))
                .body(status(requests.status(submitted.request())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "The status of a request this system made")
    @ApiResponse(responseCode = "200", description = "Its status and, once decided, the decision")
    @ApiResponse(responseCode = "404", description = "No such request made by this system")
    Status status(@PathVariable UUID id) {
        try {
            return status(requests.status(new RequestId(id)));
        } catch (AccessDeniedException e) {
            // The same answer for "not yours" as for "does not exist": a crafted id learns nothing.
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such request made by this system.");
            problem.setType(ApiProblems.NOT_FOUND);
            problem.setTitle("Not found");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, e);
        }
    }

    /** The hub code a partner system chose, or a problem naming the field when it is not one. */
    private static @Nullable HubId hub(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return new HubId(code.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(Map.of("hub", new Message("referrals.problem.api-hub-code")));
        }
    }

    private static Status status(RequestSummary s) {
        return new Status(
                s.id().value(),
                s.status(),
                s.hubName(),
                s.submittedAt(),
                s.decisionDue(),
                s.level() == null ? null : s.level().number(),
                s.outcome(),
                s.reasons(),
                s.decidedAt(),
                s.leadName());
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }
}
