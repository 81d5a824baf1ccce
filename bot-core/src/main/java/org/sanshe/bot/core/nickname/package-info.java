/**
 * Group nickname conventions (群昵称规范): the grammar of {@code nickname-formats} in {@code config/group-types.yml} and a
 * tolerant check of what people really type against it.
 *
 * <p>{@link org.sanshe.bot.core.nickname.NicknameConvention#parse} reads a group type's formats ("楼栋房号-自住",
 * "社工-姓名") into named {@link org.sanshe.bot.core.nickname.NicknamePart parts}; a format that cannot be read is refused
 * with the reason. {@link org.sanshe.bot.core.nickname.NicknameParser#check} reads a nickname once (full width,
 * separators, markers such as 栋 / 单元 / 室, Chinese numerals, synonyms, any order), blanks phone and ID numbers out
 * first, and scores each format; the result ({@link org.sanshe.bot.core.nickname.NicknameCheck}) says whether the
 * nickname is compliant, what it contains (household key, tenure, claimed title and role, name), what is wrong, and
 * the canonical nickname(s) that would fix it. Nothing that could be read two ways is guessed.
 *
 * <p>Pure and fast (a few microseconds, no regular expressions): checking members, digests and polling use it; it
 * keeps no state and logs nothing, since a nickname is personal data.
 */
package org.sanshe.bot.core.nickname;
