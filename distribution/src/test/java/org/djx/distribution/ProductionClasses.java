package org.djx.distribution;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The production classes of every djx module, imported once per test run.
 *
 * <p>Test classes, the deliberate violations of {@link ArchitectureRulesFailTests} among them, stay
 * out: Maven's {@code target/test-classes} are skipped, and so is this module's own package, which
 * holds tests only.
 */
final class ProductionClasses {
    static final String ROOT_PACKAGE = "org.djx";
    static final String OWN_PACKAGE_PATH = "/org/djx/distribution/";

    private ProductionClasses() {
    }

    static JavaClasses get() {
        return Holder.CLASSES;
    }

    private static final class Holder {
        static final JavaClasses CLASSES = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(location -> !location.contains(OWN_PACKAGE_PATH))
                .importPackages(ROOT_PACKAGE);
    }
}
