package io.queuedesk.reference;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.NoRepositoryBean;

/** What the admin pages need of every kind of reference data. */
@NoRepositoryBean
interface ReferenceRepository<T extends ReferenceItem> extends JpaRepository<T, Long> {

	List<T> findAllByOrderByNameAsc();

	boolean existsByNameIgnoreCase(String name);

	boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);

}
