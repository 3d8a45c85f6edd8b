package io.sparktrain.pipeline.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Starts the session of a {@link LocalSpark} class before all its tests and stops it after them.
 * The session lives in the class's {@link ExtensionContext.Store}, which JUnit closes when the class
 * is done (whether its tests passed or not), never in a static of this extension.
 */
public final class LocalSparkExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(LocalSparkExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        SparkSession session = session(context);
        for (Field field : sessionFields(context.getRequiredTestClass())) {
            field.set(null, session);
        }
    }

    /** Clears the class's fields, so that a stopped session cannot be mistaken for a running one. */
    @Override
    public void afterAll(ExtensionContext context) throws IllegalAccessException {
        for (Field field : sessionFields(context.getRequiredTestClass())) {
            field.set(null, null);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return session(context);
    }

    /**
     * The running session: started by the class's {@code beforeAll} (or, for a class with a
     * per-class lifecycle, when its constructor asks first); a test's context finds it in its class's
     * store, which is its parent's.
     */
    private static SparkSession session(ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningSession.class, key -> start(context), RunningSession.class)
                .session();
    }

    private static RunningSession start(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        LocalSpark settings = AnnotationSupport.findAnnotation(testClass, LocalSpark.class)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        testClass.getName() + " uses LocalSparkExtension without @LocalSpark(threads = ...)"));
        SparkSessionFactory factory = ReflectionSupport.newInstance(settings.factory());
        return new RunningSession(factory.start(settings.threads()));
    }

    private static List<Field> sessionFields(Class<?> testClass) {
        List<Field> fields = ReflectionSupport.findFields(testClass,
                field -> field.getType() == SparkSession.class && Modifier.isStatic(field.getModifiers())
                        && !Modifier.isFinal(field.getModifiers()),
                HierarchyTraversalMode.TOP_DOWN);
        fields.forEach(field -> field.setAccessible(true));
        return fields;
    }

    /** Stops the session when JUnit closes the store it is kept in. */
    private record RunningSession(SparkSession session) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            session.stop();
        }
    }
}
