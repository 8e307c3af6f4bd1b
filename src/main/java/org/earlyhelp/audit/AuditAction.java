package org.earlyhelp.audit;

/**
 * What was done to a record, as the audit trail names it. The code is what the trail stores and
 * shows (and what its hash chain covers), so a code never changes once entries carry it; a new
 * kind of action is a new constant. A refusal is stored as {@code refused:} and the code of what
 * was attempted.
 */
public enum AuditAction {
    ACKNOWLEDGE("acknowledge"),
    ACKNOWLEDGE_ALERT("acknowledge-alert"),
    ADD("add"),
    ADD_CONTRACT("add-contract"),
    ADD_TO_TEAM("add-to-team"),
    ALLOCATE("allocate"),
    ANSWER("answer"),
    ASK_LINK("ask-link"),
    ASSESS("assess"),
    ASSIGN("assign"),
    BREAK_GLASS("break-glass"),
    CHANGE_CAPACITY("change-capacity"),
    CHANGE_STATUS("change-status"),
    CHECK_CONCERN("check-concern"),
    CLOSE("close"),
    CONFIRM_THEMES("confirm-themes"),
    CREATE("create"),
    DECIDE("decide"),
    DECLINE_LINK("decline-link"),
    DECLINE_MOVE("decline-move"),
    DELETE("delete"),
    ERASE("erase"),
    EXPORT("export"),
    EXPORT_SUBJECT_ACCESS("export-subject-access"),
    FOLLOW_UP("follow-up"),
    HEARING("hearing"),
    HUB_LEAD("hub-lead"),
    IMPORT("import"),
    LEAD("lead"),
    LEAD_HUB("lead-hub"),
    LINK_FAMILY("link-family"),
    LOG_CONTACT("log-contact"),
    MOVE_FAMILY("move-family"),
    OPEN_PAGE("open-page"),
    PLAN_ACTION("plan-action"),
    PLAN_ACTION_STATUS("plan-action-status"),
    PLAN_OUTCOME("plan-outcome"),
    PUBLISH("publish"),
    COMPLETE_ACTION("complete-action"),
    MODERATE("moderate"),
    REFLECT("reflect"),
    GRADE_CASE("grade-case"),
    DRAW_SAMPLE("draw-sample"),
    WRITE_COMMENTARY("write-commentary"),
    RAISE_ALERT("raise-alert"),
    REMOVE("remove"),
    REMOVE_CARER("remove-carer"),
    PLAN_ENGAGEMENT("plan-engagement"),
    LINK_ENGAGEMENT("link-engagement"),
    UNLINK_ENGAGEMENT("unlink-engagement"),
    PUBLISH_FRAMEWORK("publish-framework"),
    REMOVE_CONTRACT("remove-contract"),
    REMOVE_ENGAGEMENT("remove-engagement"),
    RETENTION_DRY_RUN("retention-dry-run"),
    RETENTION_RUN("retention-run"),
    REVIEW("review"),
    SAFEGUARDING_CONCERN("safeguarding-concern"),
    SAVE("save"),
    SAVE_CARER("save-carer"),
    SEARCH("search"),
    SET_ASIDE_ALERTS("set-aside-alerts"),
    SET_COST("set-cost"),
    SET_DUTY_ADDRESS("set-duty-address"),
    SET_SUPPLY("set-supply"),
    STEP_DOWN("step-down"),
    STEP_UP("step-up"),
    SUBMIT("submit"),
    SUPERVISE("supervise"),
    TOLD("told"),
    UNSEAL("unseal"),
    VIEW("view"),
    VIEW_CONTACTS("view-contacts"),
    VIEW_NAMES("view-names"),
    VIEW_STATUS("view-status"),
    WITHDRAW_CONSENT("withdraw-consent"),
    WORK("work");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    /** The name stored in the trail, e.g. {@code view-names}. */
    public String code() {
        return code;
    }
}
