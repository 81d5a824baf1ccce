package org.sanshe.bot.core.chat;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.sanshe.bot.core.nickname.NicknameConvention;

/**
 * A kind of group (DOMAIN.md "kinds of group"), e.g. {@code FOCUS_SERVICE} 聚焦服务群, with the settings that features
 * read from it. Deployments declare their types in {@code config/group-types.yml}; the code is what storage keeps, so a
 * type's Chinese name can change without touching any group.
 *
 * @param code upper-case code name, stored with each group
 * @param chineseName what people read and may type
 * @param aliases other names people may type (short forms, English)
 * @param tier core service tier, support group, or other
 * @param rules the group rules text (群规), ready to paste as the group announcement; {@code {群名}} is replaced
 * @param nicknameConvention the nickname formats members follow, read from the words people read ("楼栋房号-自住",
 *     see {@link NicknameConvention}); {@link #nicknameFormats()} gives them back as written
 * @param escalationChain the roles an escalation goes to, level by level
 * @param shiftTemplate the shift reminder text
 * @param handoverTemplate the shift handover text
 */
public record GroupType(
        String code,
        String chineseName,
        List<String> aliases,
        Tier tier,
        String rules,
        NicknameConvention nicknameConvention,
        List<Role> escalationChain,
        String shiftTemplate,
        String handoverTemplate) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** Where a type sits in the guidance's structure of groups. */
    public enum Tier {
        CORE("核心服务群"),
        SUPPORT("支持群"),
        OTHER("其他群");

        private final String chineseName;

        Tier(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    public GroupType {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(chineseName, "chineseName");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(shiftTemplate, "shiftTemplate");
        Objects.requireNonNull(handoverTemplate, "handoverTemplate");
        Objects.requireNonNull(nicknameConvention, "nicknameConvention");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "group type code '" + code + "' must be upper-case letters, digits and _ (e.g. FOCUS_SERVICE)");
        }
        if (chineseName.isBlank()) {
            throw new IllegalArgumentException("group type " + code + " has no Chinese name");
        }
        aliases = List.copyOf(aliases);
        escalationChain = List.copyOf(escalationChain);
    }

    /**
     * A type whose nickname formats are given as written, e.g. {@code ["楼栋房号-自住", "社工-姓名"]}.
     *
     * @throws IllegalArgumentException when a format cannot be read, naming it and why
     */
    public GroupType(
            String code,
            String chineseName,
            List<String> aliases,
            Tier tier,
            String rules,
            List<String> nicknameFormats,
            List<Role> escalationChain,
            String shiftTemplate,
            String handoverTemplate) {
        this(
                code,
                chineseName,
                aliases,
                tier,
                rules,
                NicknameConvention.parse(nicknameFormats),
                escalationChain,
                shiftTemplate,
                handoverTemplate);
    }

    /** A type with only a code and a name (tests, and types added by hand): default rules and templates. */
    public static GroupType named(String code, String chineseName) {
        return new GroupType(
                code, chineseName, List.of(), Tier.OTHER, "", NicknameConvention.none(), List.of(), "", "");
    }

    /** The nickname formats as configured ("楼栋房号-自住"). */
    public List<String> nicknameFormats() {
        return nicknameConvention.sources();
    }

    /** The rules text for a group of this type, with the group's name put in. */
    public String rulesFor(String groupName) {
        return rules.replace("{群名}", groupName);
    }
}
