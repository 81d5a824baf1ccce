package org.sanshe.bot.core.household;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanshe.bot.core.household.RosterCsv.Problem;
import org.sanshe.bot.core.household.RosterCsv.RowError;
import org.sanshe.bot.core.nickname.Household;
import org.sanshe.bot.core.text.Texts;

class RosterCsvTest {

    @Test
    void readsBuildingsUnitsAndRoomsAsNicknamesWriteThem() {
        var parse = RosterCsv.parse("楼栋,单元,房号,备注\n3栋,2单元,1202室,空置\n3号楼,,0501\n03#,1,101\nA座,,B02\n");

        assertThat(parse.ok()).isTrue();
        assertThat(parse.households())
                .containsExactly(
                        new Household("3", "2", "1202"),
                        new Household("3", "", "501"),
                        new Household("3", "1", "101"),
                        new Household("A", "", "B2"));
    }

    @Test
    void toleratesABomWindowsLineEndsFullWidthDigitsAndEnglishHeaders() {
        var parse = RosterCsv.parse("\uFEFFBuilding, Unit, Room\r\n５栋，，５０１\r\n\r\n\"5\",\"\",\"602\"\r\n");

        assertThat(parse.errors()).isEmpty();
        assertThat(parse.households()).containsExactly(new Household("5", "", "501"), new Household("5", "", "602"));
    }

    @Test
    void acceptsARosterWithoutAUnitColumn() {
        assertThat(RosterCsv.parse("楼栋,房号\n5,101\n").households()).containsExactly(new Household("5", "", "101"));
    }

    @Test
    void reportsEveryBadRowWithItsLineNumberAndImportsNothing() {
        var parse = RosterCsv.parse("楼栋,单元,房号\n5,,101\n,,102\n5,一单元,103\n5,,\n五栋,,104\n5,,abc\n5,,0101\n");

        assertThat(parse.ok()).isFalse();
        assertThat(parse.households()).isEmpty();
        assertThat(parse.errors())
                .containsExactly(
                        new RowError(3, Problem.MISSING_BUILDING, 0),
                        new RowError(4, Problem.BAD_UNIT, 0),
                        new RowError(5, Problem.MISSING_ROOM, 0),
                        new RowError(6, Problem.BAD_BUILDING, 0),
                        new RowError(7, Problem.BAD_ROOM, 0),
                        new RowError(8, Problem.DUPLICATE, 2));
        assertThat(parse.errors().get(5).describe(Texts.chinese())).isEqualTo("第 8 行：与第 2 行是同一户，重复了。");
    }

    @Test
    void refusesAnEmptyFileAHeaderOnlyAndAFileWithoutHeader() {
        assertThat(RosterCsv.parse("").errors()).containsExactly(new RowError(0, Problem.EMPTY, 0));
        assertThat(RosterCsv.parse("\uFEFF\n \n").errors()).containsExactly(new RowError(0, Problem.EMPTY, 0));
        assertThat(RosterCsv.parse("楼栋,单元,房号\n").errors()).containsExactly(new RowError(1, Problem.NO_ROWS, 0));
        assertThat(RosterCsv.parse("5,,101\n5,,102\n").errors()).containsExactly(new RowError(1, Problem.NO_HEADER, 0));
    }

    @Test
    void describesAProblemWithoutRepeatingTheValue() {
        var parse = RosterCsv.parse("楼栋,房号\n5,13800138000号楼\n");

        assertThat(parse.errors()).hasSize(1);
        assertThat(parse.errors().get(0).describe(Texts.chinese()))
                .startsWith("第 2 行：")
                .doesNotContain("138");
    }
}
