package io.queuedesk.reference;

import java.util.List;

interface ClientRepository extends ReferenceRepository<Client> {

	List<Client> findByActiveTrueOrderByNameAsc();

}
