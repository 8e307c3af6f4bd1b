package org.earlyhelp.shared.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * A page (a {@code @Route}) or layout, known to Spring as a prototype bean: a new one for each
 * navigation, as before. Vaadin asks the Spring context for a page's class on every navigation;
 * with no bean of that class it caught the refusal and had Spring work out the constructor and
 * its arguments anew each time. As a prototype bean it is made from a definition Spring prepared
 * once. {@code ArchitectureTests} checks every page and layout carries this.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public @interface View {}
