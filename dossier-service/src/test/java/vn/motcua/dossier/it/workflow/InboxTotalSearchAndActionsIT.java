package vn.motcua.dossier.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.common.v1.PageRequest;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.DeadlineState;
import vn.motcua.proto.dossier.v1.FormKind;
import vn.motcua.proto.dossier.v1.GetDossierActionsRequest;
import vn.motcua.proto.dossier.v1.GetDossierActionsResponse;
import vn.motcua.proto.dossier.v1.GetTimelineRequest;
import vn.motcua.proto.dossier.v1.ListInboxRequest;
import vn.motcua.proto.dossier.v1.ListInboxResponse;
import vn.motcua.proto.dossier.v1.ProcessingStep;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;
import vn.motcua.proto.dossier.v1.RejectDossierRequest;
import vn.motcua.proto.dossier.v1.TimelineEntry;

/**
 * What the console's work day needs from dossier-service (issue 17) on MariaDB: the inbox's total over every page
 * and its search, the leader's "waiting for approval" list, the actions the state machine allows each role on a
 * dossier with the forms it has issued, and the actor's name on each history line. Units 11116, 11119, 11122 and 11125
 * are this class's own.
 */
@MicronautTest(transactional = false)
class InboxTotalSearchAndActionsIT extends WorkflowItSupport {

    @Test
    void inboxTotalCountsEveryPageAndFollowsEachFilter() {
        String unit = "11116";
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            codes.add(receive(unit, MARRIAGE).getCode());
        }
        String near = receive(unit, CERTIFY).getCode(); // 4 working hours: near due at once

        ListInboxResponse first = inbox(desk(unit), request(2));
        assertThat(first.getItemsList()).hasSize(2);
        assertThat(first.getTotalSize()).as("six dossiers wait at the desk").isEqualTo(6);
        ListInboxResponse second = inbox(
                desk(unit),
                request(2)
                        .setPage(PageRequest.newBuilder()
                                .setPageSize(2)
                                .setPageToken(first.getPage().getNextPageToken())));
        assertThat(second.getTotalSize()).as("the same total on every page").isEqualTo(6);

        assertThat(inbox(desk(unit), request(2).setDeadlineState(DeadlineState.DEADLINE_STATE_NEAR_DUE)))
                .satisfies(r -> {
                    assertThat(r.getTotalSize()).isEqualTo(1);
                    assertThat(r.getItemsList())
                            .extracting(i -> i.getDossier().getCode())
                            .containsExactly(near);
                });
        assertThat(inbox(desk(unit), request(2).setDeadlineState(DeadlineState.DEADLINE_STATE_IN_TIME))
                        .getTotalSize())
                .isEqualTo(5);
        assertThat(inbox(specialist(unit), request(50)).getTotalSize())
                .as("nothing has been transferred to the handling unit yet: the specialist's list is empty")
                .isZero();

        transfer(unit, codes.get(0));
        transfer(unit, codes.get(1));
        assertThat(inbox(desk(unit), request(50)).getTotalSize()).isEqualTo(4);
        assertThat(inbox(specialist(unit), request(50)).getTotalSize()).isEqualTo(2);
        assertThat(inbox(leader(unit), request(50)).getTotalSize()).isEqualTo(2);
    }

    @Test
    void searchFindsByCodePrefixApplicantNameOrCitizenIdWithinWhatWaitsOnTheCaller() {
        String unit = "11119";
        String an = receive(unit, MARRIAGE).getCode();
        String binh = ds(desk(unit))
                .receiveDossier(ReceiveDossierRequest.newBuilder()
                        .setProcedureCode(MARRIAGE)
                        .setChannel(Channel.CHANNEL_COUNTER)
                        .setApplicant(applicant().setFullName("Lê Thị Bình").setCitizenId("030090009999"))
                        .build())
                .getDossier()
                .getCode();

        assertThat(codes(inbox(desk(unit), request(50).setSearch(an)))).containsExactly(an);
        assertThat(codes(inbox(desk(unit), request(50).setSearch("030090009999"))))
                .containsExactly(binh);
        assertThat(codes(inbox(desk(unit), request(50).setSearch("Thị Bình")))).containsExactly(binh);
        assertThat(inbox(desk(unit), request(50).setSearch("Thị Bình")).getTotalSize())
                .isEqualTo(1);
        assertThat(codes(inbox(desk(unit), request(50).setSearch("0300900"))))
                .as("a citizen id matches whole only")
                .isEmpty();
        assertThat(codes(inbox(desk(unit), request(50).setSearch("%"))))
                .as("LIKE wildcards are plain text")
                .isEmpty();
        assertThat(codes(inbox(desk("11116"), request(50).setSearch(binh))))
                .as("another commune's desk finds nothing")
                .isEmpty();
    }

    @Test
    void leaderSeesDraftsWaitingForApprovalUntilApproved() {
        String unit = "11122";
        String code = receive(unit, MARRIAGE).getCode();
        transfer(unit, code);
        step(leader(unit), code, ProcessingStep.PROCESSING_STEP_ASSIGN, "cv." + unit);
        ListInboxRequest.Builder waiting = request(50).setAwaitingApproval(true);
        assertThat(codes(inbox(leader(unit), waiting))).doesNotContain(code);

        step(specialist(unit), code, ProcessingStep.PROCESSING_STEP_SUBMIT_FOR_APPROVAL, null);
        assertThat(codes(inbox(leader(unit), waiting))).contains(code);
        assertThat(inbox(leader(unit), waiting).getTotalSize())
                .isEqualTo(codes(inbox(leader(unit), waiting)).size());

        step(leader(unit), code, ProcessingStep.PROCESSING_STEP_APPROVE, null);
        assertThat(codes(inbox(leader(unit), waiting))).doesNotContain(code);
    }

    @Test
    void actionsAreWhatTheStateMachineAllowsEachRoleAndFormsWhatWasIssued() {
        String unit = "11119";
        String online = submitOnline(unit, BIRTH).getCode();
        assertThat(actions(desk(unit), online).getAllowedEventsList())
                .containsExactlyInAnyOrder("ACCEPT", "REQUEST_PRE_SUPPLEMENT", "REJECT", "WITHDRAW");
        assertThat(actions(desk(unit), online).getIssuedFormsList())
                .as("nothing issued yet")
                .isEmpty();
        assertThat(actions(citizen(CITIZEN_ID), online).getAllowedEventsList()).containsExactly("WITHDRAW");

        String code = receive(unit, MARRIAGE).getCode();
        GetDossierActionsResponse atDesk = actions(desk(unit), code);
        assertThat(atDesk.getAllowedEventsList()).contains("TRANSFER").doesNotContain("ACCEPT", "ASSIGN");
        assertThat(atDesk.getIssuedFormsList())
                .containsExactlyInAnyOrder(FormKind.FORM_KIND_RECEIPT, FormKind.FORM_KIND_CONTROL_SLIP);
        assertThat(atDesk.getRevision()).isEqualTo(statusRevision(code));
        assertThat(actions(specialist(unit), code).getAllowedEventsList())
                .as("the specialist waits for the transfer")
                .isEmpty();

        transfer(unit, code);
        assertThat(actions(leader(unit), code).getAllowedEventsList())
                .contains("ASSIGN", "APPROVE", "REFUSE", "FORWARD_INTER_AGENCY")
                .doesNotContain("APPRAISE", "ISSUE_RESULT", "TRANSFER");
        assertThat(actions(specialist(unit), code).getAllowedEventsList())
                .contains("APPRAISE", "SUBMIT_FOR_APPROVAL", "REQUEST_SUPPLEMENT", "REQUIRE_FINANCIAL_OBLIGATION")
                .doesNotContain("ASSIGN", "ISSUE_RESULT");
        assertThat(actions(clerk(unit), code).getAllowedEventsList()).containsExactly("ISSUE_RESULT");
        assertThat(actions(desk("11116"), code)).as("out of scope").isNull();

        String refused = submitOnline(unit, BIRTH).getCode();
        wf(desk(unit))
                .rejectDossier(RejectDossierRequest.newBuilder()
                        .setCode(refused)
                        .setReason("Không thuộc thẩm quyền")
                        .build());
        GetDossierActionsResponse rejected = actions(desk(unit), refused);
        assertThat(rejected.getAllowedEventsList())
                .as("a final state allows nothing")
                .isEmpty();
        assertThat(rejected.getIssuedFormsList()).containsExactly(FormKind.FORM_KIND_REFUSAL);
    }

    @Test
    void historyLinesKeepTheActorsNameFromTheToken() {
        String unit = "11125";
        String named =
                idp.sign(idp.claims("mc.named." + unit, Set.of("reception_officer"), unit, null, "motcua-gateway")
                        .claim("given_name", "Lan")
                        .claim("family_name", "Nguyễn Thị")
                        .claim("name", "Lan Nguyễn Thị")
                        .build());
        String code = ds(named)
                .receiveDossier(ReceiveDossierRequest.newBuilder()
                        .setProcedureCode(MARRIAGE)
                        .setChannel(Channel.CHANNEL_COUNTER)
                        .setApplicant(applicant())
                        .build())
                .getDossier()
                .getCode();
        transfer(unit, code);

        List<TimelineEntry> lines = wf(desk(unit))
                .getTimeline(GetTimelineRequest.newBuilder().setCode(code).build())
                .getEntriesList();
        assertThat(lines.get(0).getActorName()).as("family name first").isEqualTo("Nguyễn Thị Lan");
        assertThat(lines.get(0).getActorRolesList()).containsExactly("reception_officer");
        assertThat(lines.get(1).getActorName()).as("a token without a name").isEmpty();
        assertThat(lines.get(1).getActorUsername()).isEqualTo("mc." + unit);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static ListInboxRequest.Builder request(int size) {
        return ListInboxRequest.newBuilder().setPage(PageRequest.newBuilder().setPageSize(size));
    }

    private ListInboxResponse inbox(String token, ListInboxRequest.Builder request) {
        return wf(token).listInbox(request.build());
    }

    private static List<String> codes(ListInboxResponse r) {
        return r.getItemsList().stream().map(i -> i.getDossier().getCode()).toList();
    }

    /** Null when the dossier is outside the caller's scope (NOT_FOUND). */
    private GetDossierActionsResponse actions(String token, String code) {
        try {
            return wf(token)
                    .getDossierActions(
                            GetDossierActionsRequest.newBuilder().setCode(code).build());
        } catch (io.grpc.StatusRuntimeException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.NOT_FOUND);
            return null;
        }
    }

    private long statusRevision(String code) {
        return ds(desk("298"))
                .getDossier(vn.motcua.proto.dossier.v1.GetDossierRequest.newBuilder()
                        .setCode(code)
                        .build())
                .getDossier()
                .getRevision();
    }
}
