package org.earlyhelp.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.earlyhelp.testing.OwnDataApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every page and layout is one prototype bean in the running application: Vaadin's lookup by class
 * finds exactly one definition (so it never falls back to working the constructor out anew), and
 * each navigation still gets a new page.
 */
@OwnDataApplicationTest
class ViewBeansTests {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void everyPageAndLayoutIsOnePrototypeBean() throws Exception {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scan.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
        List<String> pages = scan.findCandidateComponents("org.earlyhelp").stream()
                .map(BeanDefinition::getBeanClassName)
                .toList();
        assertThat(pages).as("pages and layouts found").hasSizeGreaterThan(30);

        for (String page : pages) {
            Class<?> type = ClassUtils.forName(page, getClass().getClassLoader());
            String[] names = context.getBeanNamesForType(type);
            assertThat(names).as("beans of %s", page).hasSize(1);
            assertThat(context.getBeanFactory().getBeanDefinition(names[0]).isPrototype())
                    .as("%s is made anew for each navigation", page)
                    .isTrue();
        }
    }
}
