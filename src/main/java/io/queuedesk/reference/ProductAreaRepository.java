package io.queuedesk.reference;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Public only because the ticket module still loads the area of a new or edited ticket through
 * it; once it asks {@link ProductAreaService} instead, this goes back to package-private.
 */
public interface ProductAreaRepository extends JpaRepository<ProductArea, Long> {

	List<ProductArea> findAllByOrderByNameAsc();

	boolean existsByNameIgnoreCase(String name);

	boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);

}
