package io.queuedesk.reference;

/** Product areas; other modules read them through {@link ProductAreaService}. */
interface ProductAreaRepository extends ReferenceRepository<ProductArea> {

}
