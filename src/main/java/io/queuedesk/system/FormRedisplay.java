package io.queuedesk.system;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * A form whose field could not be converted (generatePassword=abc, clientId=x, a date
 * like 31/12) is shown again with the error next to that field, like any other invalid
 * form.
 * <p>
 * Why this is needed: the forms are records bound through their constructor. When one
 * value does not convert, Spring records a field error and still builds the record with
 * null in that place, and the controller gets that record; but the binding result was
 * created before the record existed, so the model holds {@code form = null}. A page that
 * reads the form directly ({@code ${form.roles}}) then failed with a 500. Here, after
 * such a binding, the model gets the built record and a binding result for it that
 * carries the same errors (with the rejected values, so the page shows what was typed).
 */
@Component
class FormRedisplay implements WebMvcRegistrations {

	@Override
	public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
		return new RequestMappingHandlerAdapter() {

			@Override
			public void afterPropertiesSet() {
				super.afterPropertiesSet();
				List<HandlerMethodArgumentResolver> resolvers = getArgumentResolvers();
				if (resolvers != null) {
					setArgumentResolvers(resolvers.stream().map(FormRedisplay::keepingTheForm).toList());
				}
			}

		};
	}

	static HandlerMethodArgumentResolver keepingTheForm(HandlerMethodArgumentResolver resolver) {
		return resolver instanceof ModelAttributeMethodProcessor ? new KeepingTheForm(resolver) : resolver;
	}

	private record KeepingTheForm(HandlerMethodArgumentResolver delegate) implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return delegate.supportsParameter(parameter);
		}

		@Override
		public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer model,
				NativeWebRequest request, @Nullable WebDataBinderFactory binders) throws Exception {
			Object form = delegate.resolveArgument(parameter, model, request, binders);
			if (form == null || model == null) {
				return form;
			}
			String name = ModelFactory.getNameForParameter(parameter);
			if (model.getModel().get(name) == null
					&& model.getModel().get(BindingResult.MODEL_KEY_PREFIX + name) instanceof BindingResult failed
					&& failed.getTarget() == null) {
				BeanPropertyBindingResult kept = new BeanPropertyBindingResult(form, name);
				kept.addAllErrors(failed);
				// Like Spring itself: the attribute and its binding result go last, where
				// the
				// BindingResult parameter after the form is looked up.
				model.removeAttributes(kept.getModel());
				model.addAllAttributes(kept.getModel());
			}
			return form;
		}

	}

}
