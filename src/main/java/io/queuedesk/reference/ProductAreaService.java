package io.queuedesk.reference;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to product areas for forms and filters. */
@Service
@Transactional(readOnly = true)
public class ProductAreaService {

	private final ProductAreaRepository areas;

	ProductAreaService(ProductAreaRepository areas) {
		this.areas = areas;
	}

	public List<ProductArea> all() {
		return areas.findAllByOrderByNameAsc();
	}

	public Optional<ProductArea> find(Long id) {
		return id == null ? Optional.empty() : areas.findById(id);
	}

	public List<ProductArea> active() {
		return all().stream().filter(ProductArea::isActive).toList();
	}

	/**
	 * The active product area with this name (compared without regard to case), or, for a
	 * blank name, the first active one by name.
	 */
	public Optional<ProductArea> findActiveByName(String name) {
		if (name == null || name.isBlank()) {
			return active().stream().findFirst();
		}
		return active().stream().filter(area -> area.getName().equalsIgnoreCase(name.strip())).findFirst();
	}

}
