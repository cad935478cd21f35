package io.queuedesk.ticket;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProductAreaRepository extends JpaRepository<ProductArea, Long> {

	List<ProductArea> findAllByOrderByNameAsc();

	boolean existsByNameIgnoreCase(String name);

	boolean existsByNameIgnoreCaseAndIdNot(String name, Long id);

}
