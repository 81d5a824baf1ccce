package org.sanshe.bot.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.moderation.BreachAction;
import org.sanshe.bot.core.moderation.BreachRule;
import org.sanshe.bot.core.moderation.RuleBook;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads {@code config/rules.yml} into the core's rule book. A mistake (an unknown action, role, rule or group type, a
 * duration that is not ISO-8601) stops the start with the entry named, rather than running with rules half read.
 */
final class RuleBookLoader {
    private RuleBookLoader() {}

    static RuleBook load(Resource resource, GroupTypes types) {
        String file = resource.getDescription();
        if (!resource.exists()) {
            throw new IllegalStateException("rules file not found: " + file + " (set bot.rules-file / BOT_RULES_FILE)");
        }
        Object root;
        try (InputStream in = resource.getInputStream()) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("rules") instanceof List<?> entries)) {
            throw new IllegalStateException(file + ": expected a list under 'rules'");
        }
        Map<String, BreachRule> rules = new LinkedHashMap<>();
        int i = 0;
        for (Object entry : entries) {
            String where = file + " rules[" + i++ + "]";
            if (!(entry instanceof Map<?, ?> m)) {
                throw new IllegalStateException(where + ": expected a mapping");
            }
            try {
                String code = text(m.get("rule"), "rule", where);
                BreachRule rule = new BreachRule(
                        code,
                        optional(m.get("name")),
                        actions(m.get("actions"), where + ".actions"),
                        roles(m.get("exempt"), where + ".exempt"),
                        optional(m.get("reminder")));
                if (rules.put(code, rule) != null) {
                    throw new IllegalStateException(where + ": rule " + code + " is declared twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
        }
        Map<String, Map<String, Set<BreachAction>>> byType = new LinkedHashMap<>();
        Object typed = top.get("group-types");
        if (typed != null) {
            if (!(typed instanceof Map<?, ?> perType)) {
                throw new IllegalStateException(file + ": 'group-types' must map type codes to rules");
            }
            for (var e : perType.entrySet()) {
                String type = String.valueOf(e.getKey()).strip();
                String where = file + " group-types." + type;
                if (types.byCode(type).isEmpty()) {
                    throw new IllegalStateException(where + ": no group type has the code " + type);
                }
                if (!(e.getValue() instanceof Map<?, ?> overrides)) {
                    throw new IllegalStateException(where + ": expected rule: [actions]");
                }
                Map<String, Set<BreachAction>> own = new LinkedHashMap<>();
                for (var o : overrides.entrySet()) {
                    String rule = String.valueOf(o.getKey()).strip();
                    if (!rules.containsKey(rule)) {
                        throw new IllegalStateException(where + ": unknown rule " + rule + " (declare it under rules)");
                    }
                    own.put(rule, actions(o.getValue(), where + "." + rule));
                }
                byType.put(type, own);
            }
        }
        try {
            return new RuleBook(
                    rules,
                    byType,
                    limit(or(top.get("warning-limit"), "3"), file + " warning-limit"),
                    duration(or(top.get("warning-decay"), "P30D"), file + " warning-decay"),
                    duration(or(top.get("quiet-period"), "PT10M"), file + " quiet-period"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private static String or(Object v, String fallback) {
        return v == null ? fallback : v.toString().strip();
    }

    private static int limit(String v, String where) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(where + ": '" + v + "' is not a whole number", e);
        }
    }

    private static Set<BreachAction> actions(Object v, String where) {
        Set<BreachAction> actions = EnumSet.noneOf(BreachAction.class);
        for (String a : list(v, where)) {
            try {
                actions.add(BreachAction.valueOf(a.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        where + ": unknown action '" + a + "' (REMIND, NOTE_SECRETARY or WARN)", e);
            }
        }
        return actions;
    }

    private static Set<Role> roles(Object v, String where) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : list(v, where)) {
            roles.add(Role.parse(r).orElseThrow(() -> new IllegalStateException(where + ": unknown role '" + r + "'")));
        }
        return roles;
    }

    private static List<String> list(Object v, String where) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalStateException(where + ": expected a list, e.g. [REMIND, WARN]");
        }
        return l.stream().map(String::valueOf).map(String::strip).toList();
    }

    private static Duration duration(Object v, String where) {
        try {
            return Duration.parse(String.valueOf(v).strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    where + ": '" + v + "' is not an ISO-8601 duration such as P30D or PT10M", e);
        }
    }

    private static String text(Object v, String key, String where) {
        if (v == null || v.toString().isBlank()) {
            throw new IllegalStateException(where + ": '" + key + "' is required");
        }
        return v.toString().strip();
    }

    private static Optional<String> optional(Object v) {
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }
}
