package io.queuedesk.ldap;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the login and forgotten-password pages that directory accounts exist: the login
 * field then takes a directory user name as well as an email, and the password pages say
 * where a directory password is changed. Only the controllers of those pages get it.
 */
@ControllerAdvice(basePackages = { "io.queuedesk.system", "io.queuedesk.account" })
// On the class: @ControllerAdvice is a component, found by the scan whatever the
// configuration class says.
@Conditional(LdapConfigured.class)
class LdapPageModel {

	@ModelAttribute("directorySignIn")
	boolean directorySignIn() {
		return true;
	}

}
