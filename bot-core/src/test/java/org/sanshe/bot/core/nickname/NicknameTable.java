package org.sanshe.bot.core.nickname;

import java.util.List;
import java.util.Map;

/**
 * The conventions of the packaged group types (config/group-types.yml; the app's GroupTypesLoaderTest checks that the
 * file reads) and a few a deployment could write, under short names for the table.
 */
final class NicknameTable {
    static final Map<String, NicknameConvention> CONVENTIONS = Map.ofEntries(
            Map.entry("RESIDENTS", of("楼栋房号-自住", "楼栋房号-租住", "楼门栋长-姓名", "社工-姓名", "社区-姓名")),
            Map.entry("FOCUS_SERVICE", of("社工-姓名", "医务-姓名", "心理咨询-姓名", "群秘书-姓名", "群管理员-姓名", "楼栋房号-自住", "楼栋房号-租住")),
            Map.entry("KEY_COMPANION", of("社工-姓名", "医务-姓名", "心理咨询-姓名", "任意昵称")),
            Map.entry("PREVENTION_WORK", of("社区-姓名", "社工-姓名", "楼门栋长-姓名", "网格员-姓名")),
            Map.entry("VOLUNTEER_POOL", of("社区志愿者-姓名", "医务-姓名", "心理咨询-姓名")),
            Map.entry("VOLUNTEER_DISPATCH", of("社工-姓名", "社区志愿者-姓名")),
            Map.entry("EXPERT_SUPERVISION", of("督导-姓名", "社工-姓名")),
            Map.entry("LANDLORDS", of("楼栋房号-房东")),
            Map.entry("BUSINESSES", of("店名-姓名")),
            Map.entry("SUPPLIES", of("楼栋房号-自住", "楼栋房号-租住", "社区志愿者-姓名")),
            Map.entry("HOME_OBSERVATION", of("楼栋房号-自住", "楼栋房号-租住", "医务-姓名", "社工-姓名")),
            // written by a deployment
            Map.entry("WITH_UNIT", of("楼栋单元房号-自住", "楼栋单元房号-租住")),
            Map.entry("PROPERTY", of("「物业」-姓名", "社工-姓名")),
            Map.entry("DOTTED", of("社工·姓名", "楼栋房号·自住")),
            Map.entry("OWN_WORDS", of("楼栋房号-业主", "楼栋房号 租户")));

    private NicknameTable() {}

    static NicknameConvention of(String... formats) {
        return NicknameConvention.parse(List.of(formats));
    }

    /**
     * One row per nickname: group type | nickname | "ok" or the problems | the canonical form when ok, else the
     * suggestions separated by " / " ("-" for none) | household key ("-" for none) | the first title ("-" for none).
     */
    static final String ROWS = """
            # ---- residents' group: compliant, in the many ways people write it ----
            RESIDENTS | 3栋1202-自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202-租住 | ok | 3栋1202-租住 | 3--1202 | -
            RESIDENTS | 3栋2单元1202-自住 | ok | 3栋2单元1202-自住 | 3-2-1202 | -
            RESIDENTS | 3-1202 自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3-2-1202 租住 | ok | 3栋2单元1202-租住 | 3-2-1202 | -
            RESIDENTS | 3_1202_自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3·1202·自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3—1202—自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3~1202~租住 | ok | 3栋1202-租住 | 3--1202 | -
            RESIDENTS | 3栋1202自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3幢1202自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3号楼1202自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3#1202自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3#2单元1202 租户 | ok | 3栋2单元1202-租住 | 3-2-1202 | -
            RESIDENTS | 3号1202室自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202号-自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202房-租住 | ok | 3栋1202-租住 | 3--1202 | -
            RESIDENTS | ３栋１２０２－自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | ３－１２０２　租客 | ok | 3栋1202-租住 | 3--1202 | -
            RESIDENTS | 三栋1202-自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 十二栋302-租住 | ok | 12栋302-租住 | 12--302 | -
            RESIDENTS | 二十三栋1单元101自住 | ok | 23栋1单元101-自住 | 23-1-101 | -
            RESIDENTS | 3栋二单元1202自住 | ok | 3栋2单元1202-自住 | 3-2-1202 | -
            RESIDENTS | 3栋2门1202自住 | ok | 3栋2单元1202-自住 | 3-2-1202 | -
            RESIDENTS | 3栋2单1202自住 | ok | 3栋2单元1202-自住 | 3-2-1202 | -
            RESIDENTS | 自住-3栋1202 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 业主 3栋1202 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 1202 3栋 自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202(自住) | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202【租住】 | ok | 3栋1202-租住 | 3--1202 | -
            RESIDENTS | 3栋1202业主 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202自有 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202房主 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202租户 | ok | 3栋1202-租住 | 3--1202 | -
            RESIDENTS | 3栋1202租房 | ok | 3栋1202-租住 | 3--1202 | -
            RESIDENTS | 3栋1202常住户 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202暂住户 | ok | 3栋1202-租住 | 3--1202 | -
            RESIDENTS | A栋1202自住 | ok | A栋1202-自住 | A--1202 | -
            RESIDENTS | a栋1202自住 | ok | A栋1202-自住 | A--1202 | -
            RESIDENTS | B座1202租住 | ok | B栋1202-租住 | B--1202 | -
            RESIDENTS | B2-1202 自住 | ok | B2栋1202-自住 | B2--1202 | -
            RESIDENTS | 03栋0302自住 | ok | 3栋302-自住 | 3--302 | -
            RESIDENTS | 3栋 1202 自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3 栋 1202 自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 🌸3栋1202自住🌸 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202-自住😊 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋12层1202自住 | ok | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202-2单元-自住 | ok | 3栋2单元1202-自住 | 3-2-1202 | -
            RESIDENTS | 3栋-2-1202-租住 | ok | 3栋2单元1202-租住 | 3-2-1202 | -
            RESIDENTS | 3-1202室 自住 | ok | 3栋1202-自住 | 3--1202 | -
            # ---- residents' group: incomplete, ambiguous, wrong ----
            RESIDENTS | 3栋1202 | MISSING_TENURE | 3栋1202-自住 / 3栋1202-租住 | 3--1202 | -
            RESIDENTS | 3-1202 | MISSING_TENURE | 3栋1202-自住 / 3栋1202-租住 | 3--1202 | -
            RESIDENTS | 3号楼2单元1202室 | MISSING_TENURE | 3栋2单元1202-自住 / 3栋2单元1202-租住 | 3-2-1202 | -
            RESIDENTS | 31202 | AMBIGUOUS_HOUSEHOLD, MISSING_TENURE | - | - | -
            RESIDENTS | 31202自住 | AMBIGUOUS_HOUSEHOLD | - | - | -
            RESIDENTS | 31202业主 | AMBIGUOUS_HOUSEHOLD | - | - | -
            LANDLORDS | 232503房东 | AMBIGUOUS_HOUSEHOLD | - | - | -
            RESIDENTS | 1202房主 | MISSING_BUILDING | - | - | -
            RESIDENTS | 3-2-12-1202自住 | AMBIGUOUS_HOUSEHOLD | - | - | -
            RESIDENTS | 3栋4栋1202自住 | AMBIGUOUS_HOUSEHOLD | - | - | -
            RESIDENTS | 3栋1202-1203自住 | AMBIGUOUS_HOUSEHOLD | - | - | -
            RESIDENTS | 1202自住 | MISSING_BUILDING | - | - | -
            RESIDENTS | 1202室-租住 | MISSING_BUILDING | - | - | -
            RESIDENTS | 2单元1202自住 | MISSING_BUILDING | - | - | -
            RESIDENTS | 3栋自住 | MISSING_ROOM | - | - | -
            RESIDENTS | 3号楼2单元-租住 | MISSING_ROOM | - | - | -
            RESIDENTS | 自住 | MISSING_HOUSEHOLD | - | - | -
            RESIDENTS | 业主 | MISSING_HOUSEHOLD | - | - | -
            RESIDENTS | 3栋1202自住租住 | CONFLICTING_TENURE | - | 3--1202 | -
            RESIDENTS | 3栋1202房东 | TENURE_NOT_ACCEPTED | - | 3--1202 | -
            RESIDENTS | 3栋1202-自住-张三 | EXTRA_TEXT | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 张三3栋1202租住 | EXTRA_TEXT | 3栋1202-租住 | 3--1202 | -
            RESIDENTS | 3栋1202自住 一家三口 | EXTRA_TEXT | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 阳光小区3栋1202自住 | EXTRA_TEXT | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202 张三 | MISSING_TENURE, EXTRA_TEXT | 3栋1202-自住 / 3栋1202-租住 | 3--1202 | -
            RESIDENTS | 张三 | UNKNOWN_FORMAT | - | - | -
            RESIDENTS | Lily Wang | UNKNOWN_FORMAT | - | - | -
            RESIDENTS | 快乐每一天 | UNKNOWN_FORMAT | - | - | -
            RESIDENTS | 🌸🌸🌸 | UNKNOWN_FORMAT | - | - | -
            RESIDENTS | 阳光总在风雨后 | UNKNOWN_FORMAT | - | - | -
            # ---- privacy: phone and ID numbers are flagged and never suggested ----
            RESIDENTS | 3栋1202-自住-13812345678 | CONTAINS_PHONE | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202自住138 1234 5678 | CONTAINS_PHONE | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202自住 138-1234-5678 | CONTAINS_PHONE | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202自住 tel13812345678 | CONTAINS_PHONE, EXTRA_TEXT | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202 0755-87654321 自住 | CONTAINS_PHONE | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202自住 ＋86 13912345678 | CONTAINS_PHONE | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202 8765432 | CONTAINS_PHONE, MISSING_TENURE | 3栋1202-自住 / 3栋1202-租住 | 3--1202 | -
            RESIDENTS | 3栋1202自住 身份证110101199003071234 | CONTAINS_ID_NUMBER, EXTRA_TEXT | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202自住 11010119900307123X | CONTAINS_ID_NUMBER | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202自住 11010119900307123x | CONTAINS_ID_NUMBER | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202 自住 110101 19900307 1234 | CONTAINS_ID_NUMBER | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 3栋1202自住110101900307123 | CONTAINS_ID_NUMBER | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 13812345678 | CONTAINS_PHONE, UNKNOWN_FORMAT | - | - | -
            RESIDENTS | 张三13812345678 | CONTAINS_PHONE, UNKNOWN_FORMAT | - | - | -
            RESIDENTS | １３８１２３４５６７８ 3栋1202 自住 | CONTAINS_PHONE | 3栋1202-自住 | 3--1202 | -
            RESIDENTS | 社工张三13812345678 | CONTAINS_PHONE | 社工-张三 | - | SOCIAL_WORKER
            RESIDENTS | 社工-张三-电话13812345678 | CONTAINS_PHONE, EXTRA_TEXT | 社工-张三 | - | SOCIAL_WORKER
            # ---- staff in a residents' group ----
            RESIDENTS | 社工-张三 | ok | 社工-张三 | - | SOCIAL_WORKER
            RESIDENTS | 社工张三 | ok | 社工-张三 | - | SOCIAL_WORKER
            RESIDENTS | 社工·张三 | ok | 社工-张三 | - | SOCIAL_WORKER
            RESIDENTS | 社工_张三 | ok | 社工-张三 | - | SOCIAL_WORKER
            RESIDENTS | 社工 张三 | ok | 社工-张三 | - | SOCIAL_WORKER
            RESIDENTS | 张三（社工） | ok | 社工-张三 | - | SOCIAL_WORKER
            RESIDENTS | 张三社工 | ok | 社工-张三 | - | SOCIAL_WORKER
            RESIDENTS | 社会工作者张三 | ok | 社工-张三 | - | SOCIAL_WORKER
            RESIDENTS | 社工小王 | ok | 社工-小王 | - | SOCIAL_WORKER
            RESIDENTS | 社工王老师 | ok | 社工-王老师 | - | SOCIAL_WORKER
            RESIDENTS | 社工欧阳娜娜 | ok | 社工-欧阳娜娜 | - | SOCIAL_WORKER
            RESIDENTS | 社工 Lily | ok | 社工-Lily | - | SOCIAL_WORKER
            RESIDENTS | 社工Lily Wang | ok | 社工-Lily Wang | - | SOCIAL_WORKER
            RESIDENTS | 楼门栋长-李四 | ok | 楼门栋长-李四 | - | BUILDING_HEAD
            RESIDENTS | 楼长李四 | ok | 楼门栋长-李四 | - | BUILDING_HEAD
            RESIDENTS | 栋长李四 | ok | 楼门栋长-李四 | - | BUILDING_HEAD
            RESIDENTS | 楼栋长·李四 | ok | 楼门栋长-李四 | - | BUILDING_HEAD
            RESIDENTS | 3号楼楼长李四 | ok | 楼门栋长-李四 | - | BUILDING_HEAD
            RESIDENTS | 3栋长李四 | ok | 楼门栋长-李四 | - | BUILDING_HEAD
            RESIDENTS | 社区-王五 | ok | 社区-王五 | - | COMMUNITY
            RESIDENTS | 社区工作人员王五 | ok | 社区-王五 | - | COMMUNITY
            RESIDENTS | 居委会王五 | ok | 社区-王五 | - | COMMUNITY
            RESIDENTS | 督导王五 | TITLE_NOT_ACCEPTED | - | - | SUPERVISOR
            RESIDENTS | 医生李四 | TITLE_NOT_ACCEPTED | - | - | MEDICAL
            RESIDENTS | 群管理员张三 | TITLE_NOT_ACCEPTED | - | - | ADMIN
            RESIDENTS | 社工-王 | UNCLEAR_NAME | - | - | SOCIAL_WORKER
            RESIDENTS | 社工张三在线值班 | UNCLEAR_NAME | - | - | SOCIAL_WORKER
            RESIDENTS | 社工 | MISSING_NAME | - | - | SOCIAL_WORKER
            RESIDENTS | 社工张三3栋1202 | EXTRA_HOUSEHOLD | 社工-张三 | 3--1202 | SOCIAL_WORKER
            RESIDENTS | 社工心理咨询师张三 | EXTRA_TITLE | 社工-张三 | - | SOCIAL_WORKER
            RESIDENTS | 社工张三 李四 | EXTRA_TEXT | 社工-张三 | - | SOCIAL_WORKER
            # ---- focus service group ----
            FOCUS_SERVICE | 医务-李四 | ok | 医务-李四 | - | MEDICAL
            FOCUS_SERVICE | 医生李四 | ok | 医务-李四 | - | MEDICAL
            FOCUS_SERVICE | 医务志愿者李四 | ok | 医务-李四 | - | MEDICAL
            FOCUS_SERVICE | 护士李四 | ok | 医务-李四 | - | MEDICAL
            FOCUS_SERVICE | 心理咨询-王芳 | ok | 心理咨询-王芳 | - | COUNSELOR
            FOCUS_SERVICE | 心理王芳 | ok | 心理咨询-王芳 | - | COUNSELOR
            FOCUS_SERVICE | 心理咨询师王芳 | ok | 心理咨询-王芳 | - | COUNSELOR
            FOCUS_SERVICE | 心理咨询志愿者·王芳 | ok | 心理咨询-王芳 | - | COUNSELOR
            FOCUS_SERVICE | 张三（心理咨询） | ok | 心理咨询-张三 | - | COUNSELOR
            FOCUS_SERVICE | 群秘书-赵六 | ok | 群秘书-赵六 | - | SECRETARY
            FOCUS_SERVICE | 秘书赵六 | ok | 群秘书-赵六 | - | SECRETARY
            FOCUS_SERVICE | 群管理员-钱七 | ok | 群管理员-钱七 | - | ADMIN
            FOCUS_SERVICE | 管理员钱七 | ok | 群管理员-钱七 | - | ADMIN
            FOCUS_SERVICE | 群主钱七 | ok | 群管理员-钱七 | - | ADMIN
            FOCUS_SERVICE | 群管 钱七 | ok | 群管理员-钱七 | - | ADMIN
            FOCUS_SERVICE | 3栋1202自住 | ok | 3栋1202-自住 | 3--1202 | -
            FOCUS_SERVICE | 5栋101租户 | ok | 5栋101-租住 | 5--101 | -
            FOCUS_SERVICE | 张三 | UNKNOWN_FORMAT | - | - | -
            FOCUS_SERVICE | 志愿者张三 | TITLE_NOT_ACCEPTED | - | - | VOLUNTEER
            FOCUS_SERVICE | 社区志愿者张三 | TITLE_NOT_ACCEPTED | - | - | VOLUNTEER
            FOCUS_SERVICE | 医务 李四 13912345678 | CONTAINS_PHONE | 医务-李四 | - | MEDICAL
            FOCUS_SERVICE | 医务李 | UNCLEAR_NAME | - | - | MEDICAL
            FOCUS_SERVICE | 李医生 | UNCLEAR_NAME | - | - | MEDICAL
            FOCUS_SERVICE | 3栋1202 | MISSING_TENURE | 3栋1202-自住 / 3栋1202-租住 | 3--1202 | -
            # ---- key companion group: only staff must show their title ----
            KEY_COMPANION | 社工-张三 | ok | 社工-张三 | - | SOCIAL_WORKER
            KEY_COMPANION | 医生李四 | ok | 医务-李四 | - | MEDICAL
            KEY_COMPANION | 王阿姨 | ok | 王阿姨 | - | -
            KEY_COMPANION | 快乐每一天 | ok | 快乐每一天 | - | -
            KEY_COMPANION | Tom | ok | Tom | - | -
            KEY_COMPANION | 服务对象李四 | ok | 服务对象李四 | - | SERVICE_RECIPIENT
            KEY_COMPANION | 3栋1202 | ok | 3栋1202 | 3--1202 | -
            KEY_COMPANION | 督导王五 | TITLE_NOT_ACCEPTED | - | - | SUPERVISOR
            KEY_COMPANION | 群秘书王五 | TITLE_NOT_ACCEPTED | - | - | SECRETARY
            KEY_COMPANION | 社工 | MISSING_NAME | - | - | SOCIAL_WORKER
            KEY_COMPANION | 王阿姨13812345678 | CONTAINS_PHONE | 王阿姨 | - | -
            KEY_COMPANION | 王阿姨 138-1234-5678 | CONTAINS_PHONE | 王阿姨 | - | -
            KEY_COMPANION | 13812345678 | CONTAINS_PHONE | - | - | -
            KEY_COMPANION | 社工张三 110101199003071234 | CONTAINS_ID_NUMBER | 社工-张三 | - | SOCIAL_WORKER
            # ---- prevention work group ----
            PREVENTION_WORK | 社区-王五 | ok | 社区-王五 | - | COMMUNITY
            PREVENTION_WORK | 社区工作者王五 | ok | 社区-王五 | - | COMMUNITY
            PREVENTION_WORK | 楼栋长赵六 | ok | 楼门栋长-赵六 | - | BUILDING_HEAD
            PREVENTION_WORK | 社工·张三 | ok | 社工-张三 | - | SOCIAL_WORKER
            PREVENTION_WORK | 网格员赵六 | ok | 网格员-赵六 | - | GRID_WORKER
            PREVENTION_WORK | 督导赵六 | TITLE_NOT_ACCEPTED | - | - | SUPERVISOR
            PREVENTION_WORK | 王五 | MISSING_TITLE | - | - | -
            PREVENTION_WORK | 3栋1202自住 | UNKNOWN_FORMAT | - | 3--1202 | -
            PREVENTION_WORK | 社区王五 13812345678 | CONTAINS_PHONE | 社区-王五 | - | COMMUNITY
            # ---- volunteers' groups: no households ----
            VOLUNTEER_POOL | 社区志愿者-张三 | ok | 社区志愿者-张三 | - | VOLUNTEER
            VOLUNTEER_POOL | 志愿者张三 | ok | 社区志愿者-张三 | - | VOLUNTEER
            VOLUNTEER_POOL | 心理咨询师王芳 | ok | 心理咨询-王芳 | - | COUNSELOR
            VOLUNTEER_POOL | 医务·李四 | ok | 医务-李四 | - | MEDICAL
            VOLUNTEER_POOL | 志愿者-张三-3栋1202 | EXTRA_HOUSEHOLD | 社区志愿者-张三 | 3--1202 | VOLUNTEER
            VOLUNTEER_POOL | 志愿者张三自住 | EXTRA_TENURE | 社区志愿者-张三 | - | VOLUNTEER
            VOLUNTEER_POOL | 3栋1202自住 | UNKNOWN_FORMAT | - | 3--1202 | -
            VOLUNTEER_POOL | 张三 | MISSING_TITLE | - | - | -
            VOLUNTEER_POOL | 社工张三 | TITLE_NOT_ACCEPTED | - | - | SOCIAL_WORKER
            VOLUNTEER_POOL | 志愿者 | MISSING_NAME | - | - | VOLUNTEER
            VOLUNTEER_DISPATCH | 社工张三 | ok | 社工-张三 | - | SOCIAL_WORKER
            VOLUNTEER_DISPATCH | 志愿者李四 | ok | 社区志愿者-李四 | - | VOLUNTEER
            VOLUNTEER_DISPATCH | 医务李四 | TITLE_NOT_ACCEPTED | - | - | MEDICAL
            # ---- expert supervision ----
            EXPERT_SUPERVISION | 督导-王教授 | ok | 督导-王教授 | - | SUPERVISOR
            EXPERT_SUPERVISION | 专家王教授 | ok | 督导-王教授 | - | SUPERVISOR
            EXPERT_SUPERVISION | 督导专家王教授 | ok | 督导-王教授 | - | SUPERVISOR
            EXPERT_SUPERVISION | 社工张三 | ok | 社工-张三 | - | SOCIAL_WORKER
            EXPERT_SUPERVISION | 王教授 | MISSING_TITLE | - | - | -
            # ---- landlords ----
            LANDLORDS | 3栋1202-房东 | ok | 3栋1202-房东 | 3--1202 | -
            LANDLORDS | 3栋1202房东 | ok | 3栋1202-房东 | 3--1202 | -
            LANDLORDS | 房东3-1202 | ok | 3栋1202-房东 | 3--1202 | -
            LANDLORDS | 3栋1202 | MISSING_TENURE | 3栋1202-房东 | 3--1202 | -
            LANDLORDS | 3栋1202-业主 | TENURE_NOT_ACCEPTED | - | 3--1202 | -
            LANDLORDS | 3栋1202租户 | TENURE_NOT_ACCEPTED | - | 3--1202 | -
            LANDLORDS | 房东张三 | MISSING_HOUSEHOLD, EXTRA_TEXT | - | - | -
            LANDLORDS | 3栋1202房东13812345678 | CONTAINS_PHONE | 3栋1202-房东 | 3--1202 | -
            LANDLORDS | 社工张三 | UNKNOWN_FORMAT | - | - | SOCIAL_WORKER
            # ---- shops ----
            BUSINESSES | 李记超市-李四 | ok | 李记超市-李四 | - | -
            BUSINESSES | 李记超市·李四 | ok | 李记超市-李四 | - | -
            BUSINESSES | 李记超市 李四 | ok | 李记超市-李四 | - | -
            BUSINESSES | 好邻居便利店-Lily | ok | 好邻居便利店-Lily | - | -
            BUSINESSES | 李记超市李四 | SHOP_AND_NAME_NOT_SEPARATED | - | - | -
            BUSINESSES | 李四 | SHOP_AND_NAME_NOT_SEPARATED | - | - | -
            BUSINESSES | 李记超市-李四-13812345678 | CONTAINS_PHONE | 李记超市-李四 | - | -
            BUSINESSES | 李记超市-李 | UNCLEAR_NAME | - | - | -
            # ---- supplies and home observation ----
            SUPPLIES | 3栋1202自住 | ok | 3栋1202-自住 | 3--1202 | -
            SUPPLIES | 志愿者张三 | ok | 社区志愿者-张三 | - | VOLUNTEER
            SUPPLIES | 3栋1202 | MISSING_TENURE | 3栋1202-自住 / 3栋1202-租住 | 3--1202 | -
            HOME_OBSERVATION | 医生李四 | ok | 医务-李四 | - | MEDICAL
            HOME_OBSERVATION | 3栋1202租住 | ok | 3栋1202-租住 | 3--1202 | -
            HOME_OBSERVATION | 3栋1202 13812345678 | CONTAINS_PHONE, MISSING_TENURE | 3栋1202-自住 / 3栋1202-租住 | 3--1202 | -
            # ---- conventions a deployment writes ----
            WITH_UNIT | 3栋2单元1202自住 | ok | 3栋2单元1202-自住 | 3-2-1202 | -
            WITH_UNIT | 3-2-1202租住 | ok | 3栋2单元1202-租住 | 3-2-1202 | -
            WITH_UNIT | 3栋1202自住 | MISSING_UNIT | - | 3--1202 | -
            PROPERTY | 物业-张三 | ok | 物业-张三 | - | -
            PROPERTY | 物业张三 | ok | 物业-张三 | - | -
            PROPERTY | 张三 | MISSING_WORD | 物业-张三 | - | -
            DOTTED | 社工-张三 | ok | 社工·张三 | - | SOCIAL_WORKER
            DOTTED | 3-1202 业主 | ok | 3栋1202·自住 | 3--1202 | -
            OWN_WORDS | 3栋1202自住 | ok | 3栋1202-业主 | 3--1202 | -
            OWN_WORDS | 3-1202 租客 | ok | 3栋1202 租户 | 3--1202 | -
            """;
}
