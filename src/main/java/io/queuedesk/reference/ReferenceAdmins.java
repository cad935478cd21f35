package io.queuedesk.reference;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The admin service of each kind of reference data. */
@Configuration(proxyBeanMethods = false)
class ReferenceAdmins {

	@Bean
	ReferenceAdminService<Client> clientAdmin(ClientRepository clients, JdbcClient jdbc, Clock clock) {
		return new ReferenceAdminService<>(ReferenceKind.CLIENT, clients, Client::new, jdbc, clock);
	}

	@Bean
	ReferenceAdminService<ProductArea> productAreaAdmin(ProductAreaRepository areas, JdbcClient jdbc, Clock clock) {
		return new ReferenceAdminService<>(ReferenceKind.PRODUCT_AREA, areas, ProductArea::new, jdbc, clock);
	}

}
