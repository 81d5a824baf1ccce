package org.sanshe.bot.core.escalation;

/**
 * Where an escalation is: nobody has it yet, someone has it, it is done, or the whole chain stayed silent; or it is a
 * 留意 note that nobody needs to take (no chain) until it is raised to 紧急.
 */
public enum EscalationState {
    WATCH("留意"),
    OPEN("待接手"),
    ACKNOWLEDGED("已接手"),
    RESOLVED("已解决"),
    UNACKNOWLEDGED("无人接手");

    private final String chineseName;

    EscalationState(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
