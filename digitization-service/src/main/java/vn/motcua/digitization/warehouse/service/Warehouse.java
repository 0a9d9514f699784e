package vn.motcua.digitization.warehouse.service;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import vn.motcua.digitization.warehouse.domain.WarehouseItem;
import vn.motcua.digitization.warehouse.domain.WarehouseItemKind;
import vn.motcua.digitization.warehouse.repository.WarehouseRepository;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.ids.RandomCodes;
import vn.motcua.platform.paging.Page;

/**
 * The e-data warehouse: a citizen reads only their own items (owner = the token's citizen_id, never a request
 * field); items are added by the other slices inside their own transactions, once per source.
 */
@Singleton
public class Warehouse {

    private static final java.util.regex.Pattern ITEM_KEY = java.util.regex.Pattern.compile("[^|]+\\|WH-[A-Z2-7]{20}");

    private final WarehouseRepository items;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    public Warehouse(WarehouseRepository items, TransactionOperations<Connection> tx, Clock clock) {
        this.items = items;
        this.tx = tx;
        this.clock = clock;
    }

    /** {@code WH-} and 20 random base32 characters (100 bits): an item id cannot be guessed. */
    static String newId() {
        return "WH-" + RandomCodes.base32(20);
    }

    /** What a new item is; the warehouse assigns its id and creation time. */
    public record NewItem(
            String ownerId,
            WarehouseItemKind kind,
            String title,
            String documentId,
            int documentVersion,
            String sourceRef,
            String dossierKey,
            String dossierCode,
            String procedureCode,
            String unitCode,
            String certificateNumber,
            Instant validFrom,
            Instant validUntil) {}

    /**
     * Adds the item unless its source already added one (then returns that one), inside the caller's transaction.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public WarehouseItem add(NewItem n, Instant now) {
        Optional<WarehouseItem> existing = items.bySource(n.sourceRef());
        if (existing.isPresent()) {
            return existing.get();
        }
        WarehouseItem item = new WarehouseItem(
                newId(),
                n.ownerId(),
                n.kind(),
                n.title(),
                n.documentId(),
                n.documentVersion(),
                n.sourceRef(),
                n.dossierKey(),
                n.dossierCode(),
                n.procedureCode(),
                n.unitCode(),
                n.certificateNumber(),
                n.validFrom(),
                n.validUntil(),
                now);
        items.insert(item);
        return item;
    }

    /** An item by id, no access check: for the slices that check the owner themselves. */
    public Optional<WarehouseItem> find(String id) {
        return items.find(id);
    }

    public boolean ownerHoldsDocument(String ownerId, String documentId) {
        return items.ownerHoldsDocument(ownerId, documentId);
    }

    /** ListMyWarehouse: the calling citizen's items, newest first. */
    public Page<WarehouseItem> listMine(Caller caller, boolean validOnly, Page.Request page) {
        String owner = requireOwner(caller);
        String shape = validOnly ? "valid" : "all";
        Page.Request request = page.forList(shape);
        request.afterKeyLike(ITEM_KEY);
        Page.Keyset after = Page.Keyset.of(request);
        Instant now = now();
        List<WarehouseItem> found = tx.executeRead(
                status -> items.page(owner, validOnly ? now : null, after.at(), after.id(), request.size() + 1));
        return Page.of(found, request.size(), shape, i -> Page.Keyset.key(i.createdAt(), i.id()));
    }

    /** GetWarehouseItem: one of the calling citizen's own items; anyone else's is NOT_FOUND. */
    public WarehouseItem getMine(Caller caller, String id) {
        String owner = requireOwner(caller);
        return tx.executeRead(status -> items.find(id))
                .filter(i -> i.ownerId().equals(owner))
                .orElseThrow(() -> DomainException.notFound("warehouse item " + id));
    }

    private static String requireOwner(Caller caller) {
        if (!caller.hasRole(Roles.CITIZEN)) {
            throw DomainException.permissionDenied(
                    "only a citizen reads a warehouse, their own; officers reach items through a dossier");
        }
        return caller.citizen()
                .orElseThrow(() -> DomainException.of(
                        vn.motcua.platform.error.ErrorKind.PERMISSION_DENIED,
                        ErrorReason.SCOPE_MISSING,
                        "the token carries no citizen_id: no warehouse belongs to it"));
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
