package dev.triage.bootstrap;

import dev.triage.application.category.ChangeCategory;
import dev.triage.application.category.ChangeCategoryHandler;
import dev.triage.application.category.CreateCategory;
import dev.triage.application.category.CreateCategoryHandler;
import dev.triage.application.category.FindCategory;
import dev.triage.application.category.FindCategoryHandler;
import dev.triage.application.category.ListCategories;
import dev.triage.application.category.ListCategoriesHandler;
import dev.triage.application.port.Categories;
import dev.triage.application.port.Groups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/** The category catalogue's use cases, bound to their port and registered with the bus. */
@ApplicationScoped
public class CategoryWiring {

  @Produces
  @Singleton
  HandlerModule categories(Categories categories, Groups groups, SecureRandom random, Clock clock) {
    return registry ->
        registry
            .register(
                CreateCategory.class, new CreateCategoryHandler(categories, clock, random, groups))
            .register(ChangeCategory.class, new ChangeCategoryHandler(categories, clock, groups))
            .register(FindCategory.class, new FindCategoryHandler(categories))
            .register(ListCategories.class, new ListCategoriesHandler(categories));
  }
}
