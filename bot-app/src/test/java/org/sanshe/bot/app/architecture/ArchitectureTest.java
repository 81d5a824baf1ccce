package org.sanshe.bot.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of ARCHITECTURE.md, checked on the compiled classes (the Maven enforcer bans framework
 * dependencies from bot-core; this is the second line): dependencies point inwards, the adapters do not know each
 * other, and each technology stays inside its adapter.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sanshe.bot");
    }

    @Test
    void theCoreDependsOnNothingButTheJdkSlf4jAndIcu() {
        classes()
                .that()
                .resideInAPackage("org.sanshe.bot.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.sanshe.bot.core..", "java..", "org.slf4j..", "com.ibm.icu..")
                .check(classes);
    }

    @Test
    void onlyCrisisDetectionUsesIcu() {
        noClasses()
                .that()
                .resideInAPackage("org.sanshe.bot.core..")
                .and()
                .resideOutsideOfPackage("org.sanshe.bot.core.crisis..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.ibm.icu..")
                .check(classes);
    }

    @Test
    void theWeComAdapterDoesNotKnowStorageOrTheApp() {
        noClasses()
                .that()
                .resideInAPackage("org.sanshe.bot.wecom..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.sanshe.bot.storage..", "org.sanshe.bot.app..")
                .check(classes);
    }

    @Test
    void storageDoesNotKnowTheWeComAdapterOrTheApp() {
        noClasses()
                .that()
                .resideInAPackage("org.sanshe.bot.storage..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.sanshe.bot.wecom..", "org.sanshe.bot.app..")
                .check(classes);
    }

    @Test
    void onlyTheWeComAdapterTouchesWeixinJava() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.sanshe.bot.wecom..")
                .and()
                .resideOutsideOfPackage("org.sanshe.bot.app.local..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("me.chanjar..")
                .check(classes);
    }

    @Test
    void onlyStorageTouchesMyBatisAndJdbc() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.sanshe.bot.storage..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.ibatis..", "com.baomidou..", "java.sql..")
                .check(classes);
    }

    @Test
    void onlyTheSignalModuleTouchesTheModelRuntime() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.sanshe.bot.signal..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ai.onnxruntime..", "ai.djl..", "dev.langchain4j..")
                .check(classes);
    }

    @Test
    void theSignalModuleKnowsOnlyTheCore() {
        noClasses()
                .that()
                .resideInAPackage("org.sanshe.bot.signal..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.sanshe.bot.app..",
                        "org.sanshe.bot.wecom..",
                        "org.sanshe.bot.storage..",
                        "org.springframework..")
                .check(classes);
    }

    @Test
    void theCoreNeverSeesReactor() {
        noClasses()
                .that()
                .resideInAnyPackage("org.sanshe.bot.core..", "org.sanshe.bot.storage..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("reactor..")
                .check(classes);
    }
}
