package vn.motcua.dossier.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.common.v1.PageRequest;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.DeadlineState;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.DossierStatus;
import vn.motcua.proto.dossier.v1.InboxItem;
import vn.motcua.proto.dossier.v1.InboxSort;
import vn.motcua.proto.dossier.v1.ListInboxRequest;
import vn.motcua.proto.dossier.v1.ListInboxResponse;
import vn.motcua.proto.dossier.v1.ListMyDossiersRequest;
import vn.motcua.proto.dossier.v1.ListMyDossiersResponse;
import vn.motcua.proto.dossier.v1.MyDossiersSort;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;
import vn.motcua.proto.dossier.v1.SubmitDossierRequest;

/**
 * Sorting and filtering of the officers' inbox and the citizen's own list on MariaDB, paged two at a time so every
 * order is proven across page boundaries. Each test works in its own commune and with its own citizen.
 */
@MicronautTest(transactional = false)
class ListSortAndFilterIT extends WorkflowItSupport {

    // ---- inbox --------------------------------------------------------------------------------------------------

    @Test
    void inboxPagesInEveryOrderWithDossiersWithoutTimesLastAndTiesByCode() {
        String unit = "11077";
        Inbox box = inboxOf(unit, "001201000001");
        List<String> unsetAsc = Stream.of(box.online1, box.online2).sorted().toList();
        List<String> unsetDesc = Stream.of(box.online1, box.online2)
                .sorted(Comparator.reverseOrder())
                .toList();

        assertThat(allPages(desk(unit), inboxRequest(InboxSort.INBOX_SORT_UNSPECIFIED)))
                .as("default: most urgent first")
                .containsExactly(box.certify, box.birth, box.marriage, unsetAsc.get(0), unsetAsc.get(1));
        assertThat(allPages(desk(unit), inboxRequest(InboxSort.INBOX_SORT_DUE_AT_ASC)))
                .containsExactly(box.certify, box.birth, box.marriage, unsetAsc.get(0), unsetAsc.get(1));
        assertThat(allPages(desk(unit), inboxRequest(InboxSort.INBOX_SORT_DUE_AT_DESC)))
                .containsExactly(box.marriage, box.birth, box.certify, unsetDesc.get(0), unsetDesc.get(1));
        assertThat(allPages(desk(unit), inboxRequest(InboxSort.INBOX_SORT_RECEIVED_AT_ASC)))
                .containsExactly(box.marriage, box.certify, box.birth, unsetAsc.get(0), unsetAsc.get(1));
        assertThat(allPages(desk(unit), inboxRequest(InboxSort.INBOX_SORT_RECEIVED_AT_DESC)))
                .containsExactly(box.birth, box.certify, box.marriage, unsetDesc.get(0), unsetDesc.get(1));
    }

    @Test
    void inboxStatusFilterNarrowsWhatTheRoleSeesAndNeverWidensIt() {
        String unit = "11080";
        Inbox box = inboxOf(unit, "001201000002");
        transfer(unit, box.marriage);

        assertThat(allPages(
                        desk(unit),
                        inboxRequest(InboxSort.INBOX_SORT_UNSPECIFIED)
                                .addStatuses(DossierStatus.DOSSIER_STATUS_RECEIVED)
                                .addStatuses(DossierStatus.DOSSIER_STATUS_RECEIVED)))
                .as("a repeated status is the same filter")
                .containsExactly(box.certify, box.birth);
        assertThat(allPages(
                        desk(unit),
                        inboxRequest(InboxSort.INBOX_SORT_RECEIVED_AT_DESC)
                                .addStatuses(DossierStatus.DOSSIER_STATUS_SUBMITTED)
                                .addStatuses(DossierStatus.DOSSIER_STATUS_RECEIVED)))
                .containsExactly(
                        box.birth,
                        box.certify,
                        Stream.of(box.online1, box.online2)
                                .max(Comparator.naturalOrder())
                                .orElseThrow(),
                        Stream.of(box.online1, box.online2)
                                .min(Comparator.naturalOrder())
                                .orElseThrow());
        assertThat(allPages(
                        desk(unit),
                        inboxRequest(InboxSort.INBOX_SORT_UNSPECIFIED)
                                .addStatuses(DossierStatus.DOSSIER_STATUS_IN_PROCESS)))
                .as("in process waits on the specialist, not the desk")
                .isEmpty();
        assertThat(allPages(
                        specialist(unit),
                        inboxRequest(InboxSort.INBOX_SORT_UNSPECIFIED)
                                .addStatuses(DossierStatus.DOSSIER_STATUS_IN_PROCESS)
                                .addStatuses(DossierStatus.DOSSIER_STATUS_SUBMITTED)))
                .containsExactly(box.marriage);
        assertThat(allPages(
                        desk("11083"),
                        inboxRequest(InboxSort.INBOX_SORT_UNSPECIFIED)
                                .addStatuses(DossierStatus.DOSSIER_STATUS_RECEIVED)))
                .as("another commune's desk")
                .doesNotContain(box.certify, box.birth);
    }

    @Test
    void inboxDeadlineFilterKeepsOnlyThatStateAcrossPages() {
        String unit = "11092";
        Inbox box = inboxOf(unit, "001201000003"); // now Monday 11:00

        assertThat(allPages(
                        desk(unit),
                        inboxRequest(InboxSort.INBOX_SORT_UNSPECIFIED)
                                .setDeadlineState(DeadlineState.DEADLINE_STATE_NEAR_DUE)))
                .containsExactly(box.certify, box.birth);
        assertThat(allPagesOf(
                        desk(unit),
                        inboxRequest(InboxSort.INBOX_SORT_DUE_AT_DESC)
                                .setDeadlineState(DeadlineState.DEADLINE_STATE_NEAR_DUE),
                        1))
                .as("one a page, skipping what does not match")
                .containsExactly(box.birth, box.certify);
        assertThat(allPages(
                        desk(unit),
                        inboxRequest(InboxSort.INBOX_SORT_UNSPECIFIED)
                                .setDeadlineState(DeadlineState.DEADLINE_STATE_IN_TIME)))
                .containsExactly(box.marriage);
        assertThat(allPages(
                        desk(unit),
                        inboxRequest(InboxSort.INBOX_SORT_UNSPECIFIED)
                                .setDeadlineState(DeadlineState.DEADLINE_STATE_OVERDUE)))
                .isEmpty();

        clock.set(Instant.parse("2026-03-10T05:00:00Z")); // Tuesday 12:00
        List<InboxItem> overdue = wf(desk(unit))
                .listInbox(inboxRequest(InboxSort.INBOX_SORT_RECEIVED_AT_ASC)
                        .setDeadlineState(DeadlineState.DEADLINE_STATE_OVERDUE)
                        .build())
                .getItemsList();
        assertThat(overdue).extracting(i -> i.getDossier().getCode()).containsExactly(box.certify, box.birth);
        assertThat(overdue).extracting(InboxItem::getDeadlineState).containsOnly(DeadlineState.DEADLINE_STATE_OVERDUE);
    }

    @Test
    void aPageTokenContinuesOnlyTheSortAndFiltersItWasIssuedFor() {
        String unit = "11095";
        inboxOf(unit, "001201000004");
        String token = wf(desk(unit))
                .listInbox(inboxRequest(InboxSort.INBOX_SORT_DUE_AT_ASC)
                        .setPage(page(2, ""))
                        .build())
                .getPage()
                .getNextPageToken();
        assertThat(token).isNotEmpty();

        assertPageTokenRefused(() -> wf(desk(unit))
                .listInbox(inboxRequest(InboxSort.INBOX_SORT_RECEIVED_AT_ASC)
                        .setPage(page(2, token))
                        .build()));
        assertPageTokenRefused(() -> wf(desk(unit))
                .listInbox(inboxRequest(InboxSort.INBOX_SORT_DUE_AT_ASC)
                        .addStatuses(DossierStatus.DOSSIER_STATUS_RECEIVED)
                        .setPage(page(2, token))
                        .build()));
        assertPageTokenRefused(() -> wf(desk(unit))
                .listInbox(inboxRequest(InboxSort.INBOX_SORT_DUE_AT_ASC)
                        .setDeadlineState(DeadlineState.DEADLINE_STATE_IN_TIME)
                        .setPage(page(2, token))
                        .build()));
        assertPageTokenRefused(() -> wf(citizen("001201000004"))
                .listMyDossiers(ListMyDossiersRequest.newBuilder()
                        .setPage(page(2, token))
                        .build()));
        assertThat(wf(desk(unit))
                        .listInbox(inboxRequest(InboxSort.INBOX_SORT_UNSPECIFIED)
                                .setPage(page(2, token))
                                .build())
                        .getItemsList())
                .as("unspecified is the same order as due time ascending")
                .hasSize(2);
    }

    @Test
    void unknownSortStatusOrDeadlineStateIsInvalid() {
        String desk = desk("11098");
        assertInvalid(
                () -> wf(desk).listInbox(
                                ListInboxRequest.newBuilder().setSortValue(99).build()),
                "sort");
        assertInvalid(
                () -> wf(desk).listInbox(ListInboxRequest.newBuilder()
                        .addStatusesValue(99)
                        .build()),
                "statuses");
        assertInvalid(
                () -> wf(desk).listInbox(ListInboxRequest.newBuilder()
                        .addStatuses(DossierStatus.DOSSIER_STATUS_UNSPECIFIED)
                        .build()),
                "statuses");
        assertInvalid(
                () -> wf(desk).listInbox(ListInboxRequest.newBuilder()
                        .setDeadlineStateValue(99)
                        .build()),
                "deadline_state");
        String citizen = citizen("001201000005");
        assertInvalid(
                () -> wf(citizen)
                        .listMyDossiers(ListMyDossiersRequest.newBuilder()
                                .setSortValue(99)
                                .build()),
                "sort");
        assertInvalid(
                () -> wf(citizen)
                        .listMyDossiers(ListMyDossiersRequest.newBuilder()
                                .addStatusesValue(42)
                                .build()),
                "statuses");
    }

    // ---- the citizen's own dossiers -----------------------------------------------------------------------------

    @Test
    void citizenListPagesNewestSubmittedFirstByDefaultAndByReceptionTimeOnRequest() {
        Mine mine = mineOf("11101", "001201000006");
        List<String> unsetAsc = Stream.of(mine.online, mine.lateOnline).sorted().toList();
        List<String> unsetDesc = Stream.of(mine.online, mine.lateOnline)
                .sorted(Comparator.reverseOrder())
                .toList();

        assertThat(allMine(mine.citizen, mineRequest(MyDossiersSort.MY_DOSSIERS_SORT_UNSPECIFIED)))
                .containsExactly(mine.lateOnline, mine.certify, mine.accepted, mine.marriage, mine.online);
        assertThat(allMine(mine.citizen, mineRequest(MyDossiersSort.MY_DOSSIERS_SORT_RECEIVED_AT_DESC)))
                .containsExactly(mine.certify, mine.accepted, mine.marriage, unsetDesc.get(0), unsetDesc.get(1));
        assertThat(allMine(mine.citizen, mineRequest(MyDossiersSort.MY_DOSSIERS_SORT_RECEIVED_AT_ASC)))
                .containsExactly(mine.marriage, mine.accepted, mine.certify, unsetAsc.get(0), unsetAsc.get(1));
    }

    @Test
    void citizenListStatusFilterKeepsTheOrderAndTheTokenItsFilter() {
        Mine mine = mineOf("11104", "001201000007");

        assertThat(allMine(
                        mine.citizen,
                        mineRequest(MyDossiersSort.MY_DOSSIERS_SORT_UNSPECIFIED)
                                .addStatuses(DossierStatus.DOSSIER_STATUS_RECEIVED)))
                .containsExactly(mine.certify, mine.accepted, mine.marriage);
        assertThat(allMine(
                        mine.citizen,
                        mineRequest(MyDossiersSort.MY_DOSSIERS_SORT_RECEIVED_AT_ASC)
                                .addStatuses(DossierStatus.DOSSIER_STATUS_SUBMITTED)
                                .addStatuses(DossierStatus.DOSSIER_STATUS_RETURNED)))
                .containsExactlyElementsOf(
                        Stream.of(mine.online, mine.lateOnline).sorted().toList());
        assertThat(allMine(citizen("001201000008"), mineRequest(MyDossiersSort.MY_DOSSIERS_SORT_UNSPECIFIED)))
                .as("only the token's citizen")
                .isEmpty();

        String token = wf(mine.citizen)
                .listMyDossiers(mineRequest(MyDossiersSort.MY_DOSSIERS_SORT_UNSPECIFIED)
                        .setPage(page(2, ""))
                        .build())
                .getPage()
                .getNextPageToken();
        assertPageTokenRefused(() -> wf(mine.citizen)
                .listMyDossiers(mineRequest(MyDossiersSort.MY_DOSSIERS_SORT_RECEIVED_AT_DESC)
                        .setPage(page(2, token))
                        .build()));
        assertPageTokenRefused(() -> wf(mine.citizen)
                .listMyDossiers(mineRequest(MyDossiersSort.MY_DOSSIERS_SORT_UNSPECIFIED)
                        .addStatuses(DossierStatus.DOSSIER_STATUS_RECEIVED)
                        .setPage(page(2, token))
                        .build()));
    }

    // ---- fixtures -----------------------------------------------------------------------------------------------

    /**
     * Five dossiers waiting at a desk, an hour apart from Monday 08:00: marriage (due next Monday), certification
     * (four working hours), birth (one working day), then two online submissions without reception or due time.
     * The clock ends at Monday 11:00.
     */
    private record Inbox(String marriage, String certify, String birth, String online1, String online2) {}

    private Inbox inboxOf(String unit, String citizenId) {
        String marriage = receiveFor(unit, MARRIAGE, citizenId);
        clock.advance(Duration.ofHours(1));
        String certify = receiveFor(unit, CERTIFY, citizenId);
        clock.advance(Duration.ofHours(1));
        String birth = receiveFor(unit, BIRTH, citizenId);
        clock.advance(Duration.ofHours(1));
        String online1 = submitFor(unit, citizenId);
        String online2 = submitFor(unit, citizenId);
        return new Inbox(marriage, certify, birth, online1, online2);
    }

    /**
     * A citizen's five dossiers from Monday 08:00 on (times in the comments): submission order and reception order
     * differ, and two online ones are never received.
     */
    private record Mine(
            String citizen, String online, String marriage, String accepted, String certify, String lateOnline) {}

    private Mine mineOf(String unit, String citizenId) {
        String online = submitFor(unit, citizenId); // 08:00, never received
        clock.advance(Duration.ofHours(1));
        String marriage = receiveFor(unit, MARRIAGE, citizenId); // 09:00, received 09:00
        clock.advance(Duration.ofHours(1));
        String submitted = submitFor(unit, citizenId); // 10:00, received 11:00
        clock.advance(Duration.ofHours(1));
        // numbered among the day's receptions when accepted (ND61 Art 26): lists show the legal code from then on
        String accepted = accept(unit, submitted).getCode();
        clock.advance(Duration.ofMinutes(30));
        String certify = receiveFor(unit, CERTIFY, citizenId); // 11:30, received 11:30
        clock.advance(Duration.ofHours(1));
        String lateOnline = submitFor(unit, citizenId); // 12:30, never received
        return new Mine(citizen(citizenId), online, marriage, accepted, certify, lateOnline);
    }

    private String receiveFor(String unit, String procedure, String citizenId) {
        Dossier d = ds(desk(unit))
                .receiveDossier(ReceiveDossierRequest.newBuilder()
                        .setProcedureCode(procedure)
                        .setChannel(Channel.CHANNEL_COUNTER)
                        .setApplicant(applicant().setCitizenId(citizenId))
                        .build())
                .getDossier();
        return d.getCode();
    }

    private String submitFor(String unit, String citizenId) {
        return wf(citizen(citizenId))
                .submitDossier(SubmitDossierRequest.newBuilder()
                        .setProcedureCode(BIRTH)
                        .setUnitCode(unit)
                        .setApplicant(applicant().clearCitizenId())
                        .build())
                .getDossier()
                .getCode();
    }

    private static ListInboxRequest.Builder inboxRequest(InboxSort sort) {
        return ListInboxRequest.newBuilder().setSort(sort);
    }

    private static ListMyDossiersRequest.Builder mineRequest(MyDossiersSort sort) {
        return ListMyDossiersRequest.newBuilder().setSort(sort);
    }

    private static PageRequest page(int size, String token) {
        return PageRequest.newBuilder().setPageSize(size).setPageToken(token).build();
    }

    private List<String> allPages(String token, ListInboxRequest.Builder request) {
        return allPagesOf(token, request, 2);
    }

    /** Every page of the inbox, {@code size} at a time; no page is larger, no code repeats. */
    private List<String> allPagesOf(String token, ListInboxRequest.Builder request, int size) {
        List<String> codes = new ArrayList<>();
        String next = "";
        do {
            ListInboxResponse page =
                    wf(token).listInbox(request.setPage(page(size, next)).build());
            assertThat(page.getItemsList()).hasSizeLessThanOrEqualTo(size);
            page.getItemsList().forEach(i -> codes.add(i.getDossier().getCode()));
            next = page.getPage().getNextPageToken();
        } while (!next.isEmpty());
        assertThat(codes).doesNotHaveDuplicates();
        return codes;
    }

    private List<String> allMine(String token, ListMyDossiersRequest.Builder request) {
        List<String> codes = new ArrayList<>();
        String next = "";
        do {
            ListMyDossiersResponse page =
                    wf(token).listMyDossiers(request.setPage(page(2, next)).build());
            assertThat(page.getDossiersList()).hasSizeLessThanOrEqualTo(2);
            page.getDossiersList().forEach(d -> codes.add(d.getCode()));
            next = page.getPage().getNextPageToken();
        } while (!next.isEmpty());
        assertThat(codes).doesNotHaveDuplicates();
        return codes;
    }

    private static void assertPageTokenRefused(Runnable call) {
        assertInvalid(call, "page.page_token");
    }

    private static void assertInvalid(Runnable call, String field) {
        StatusRuntimeException e = failure(call);
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.badRequest(e).getFieldViolationsList())
                .extracting(v -> v.getField())
                .containsExactly(field);
    }
}
