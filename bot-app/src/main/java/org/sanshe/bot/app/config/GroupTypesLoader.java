package org.sanshe.bot.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sanshe.bot.core.chat.GroupType;
import org.sanshe.bot.core.chat.GroupTypes;
import org.sanshe.bot.core.chat.Role;
import org.sanshe.bot.core.nickname.NicknameConvention;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads {@code config/group-types.yml} into the core's group types. A mistake in the file stops the start with the
 * entry and the field named, rather than running with a type half read.
 */
final class GroupTypesLoader {
    private GroupTypesLoader() {}

    static GroupTypes load(Resource resource) {
        if (!resource.exists()) {
            throw new IllegalStateException("group types file not found: " + resource.getDescription()
                    + " (set bot.group-types-file / BOT_GROUP_TYPES_FILE)");
        }
        Object root;
        try (InputStream in = resource.getInputStream()) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + resource.getDescription() + ": " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("group-types") instanceof List<?> entries)) {
            throw new IllegalStateException(resource.getDescription() + ": expected a list under 'group-types'");
        }
        List<GroupType> types = new ArrayList<>();
        int i = 0;
        for (Object entry : entries) {
            String where = resource.getDescription() + " group-types[" + i++ + "]";
            if (!(entry instanceof Map<?, ?> m)) {
                throw new IllegalStateException(where + ": expected a mapping");
            }
            try {
                types.add(new GroupType(
                        required(m, "code", where),
                        required(m, "name", where),
                        strings(m, "aliases", where),
                        tier(optional(m, "tier", "OTHER")),
                        optional(m, "rules", ""),
                        nicknameConvention(m, where),
                        strings(m, "escalation-chain", where).stream()
                                .map(r -> Role.parse(r)
                                        .orElseThrow(() -> new IllegalArgumentException("unknown role '" + r + "'")))
                                .toList(),
                        optional(m, "shift-template", ""),
                        optional(m, "handover-template", "")));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
        }
        try {
            return new GroupTypes(types);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(resource.getDescription() + ": " + e.getMessage(), e);
        }
    }

    /** The formats are the grammar of the nickname check: one that cannot be read stops the start, named. */
    private static NicknameConvention nicknameConvention(Map<?, ?> m, String where) {
        List<String> formats = strings(m, "nickname-formats", where);
        try {
            return NicknameConvention.parse(formats);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'nickname-formats' of " + m.get("code") + ": " + e.getMessage(), e);
        }
    }

    private static GroupType.Tier tier(String typed) {
        try {
            return GroupType.Tier.valueOf(typed.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tier '" + typed + "' must be CORE, SUPPORT or OTHER", e);
        }
    }

    private static String required(Map<?, ?> m, String key, String where) {
        Object v = m.get(key);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalStateException(where + ": '" + key + "' is required");
        }
        return v.toString().strip();
    }

    private static String optional(Map<?, ?> m, String key, String fallback) {
        Object v = m.get(key);
        return v == null ? fallback : v.toString();
    }

    private static List<String> strings(Map<?, ?> m, String key, String where) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw new IllegalStateException(where + ": '" + key + "' must be a list");
        }
        return list.stream().map(String::valueOf).map(String::strip).toList();
    }
}
