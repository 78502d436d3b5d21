package dev.olaphttp.spring.boot;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Registers {@link OlapHttpSanitizingFunction} when Actuator is on the class path. */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class OlapHttpActuatorAutoConfiguration {
    /** Masks olaphttp credentials in the actuator endpoints. */
    @Bean
    OlapHttpSanitizingFunction olapHttpSanitizingFunction() {
        return new OlapHttpSanitizingFunction();
    }
}
