package io.sparktrain.testing;

import io.sparktrain.trainer.engine.NativeBuild;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses the native build and turns on DL4J's oneDNN helpers as the test JVM starts, before any
 * test loads ND4J, as the CLI's main and the executor plugin do: the tests then run the code users
 * run. Registered in META-INF/services.
 */
public final class NativeBuildSession implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeBuild.select();
    }
}
