package io.queuedesk.reference;

/**
 * Public only because the ticket module still loads the area of a new or edited ticket through
 * it; once it asks {@link ProductAreaService} instead, this goes back to package-private.
 */
public interface ProductAreaRepository extends ReferenceRepository<ProductArea> {

}
