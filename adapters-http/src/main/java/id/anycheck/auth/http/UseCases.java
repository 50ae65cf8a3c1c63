package id.anycheck.auth.http;

import id.anycheck.auth.application.ApplyRateLimits;
import id.anycheck.auth.application.AuthenticateAccessToken;
import id.anycheck.auth.application.ChangePassword;
import id.anycheck.auth.application.CheckReadiness;
import id.anycheck.auth.application.ListAuditEvents;
import id.anycheck.auth.application.LogIn;
import id.anycheck.auth.application.LogOut;
import id.anycheck.auth.application.RefreshSession;
import id.anycheck.auth.application.ShowCurrentUser;
import id.anycheck.auth.application.access.GroupAdministration;
import id.anycheck.auth.application.access.OrganizationSettings;
import id.anycheck.auth.application.access.UserAdministration;
import id.anycheck.auth.application.apikey.AuthenticateApiKey;
import id.anycheck.auth.application.apikey.IssueApiKey;
import id.anycheck.auth.application.apikey.ListApiKeys;
import id.anycheck.auth.application.apikey.RevokeApiKey;
import id.anycheck.auth.application.apikey.RotateApiKey;
import id.anycheck.auth.application.apikey.ShowCurrentApiKey;
import id.anycheck.auth.application.mfa.ConfirmTotp;
import id.anycheck.auth.application.mfa.DisableTotp;
import id.anycheck.auth.application.mfa.EnrolTotp;
import id.anycheck.auth.application.mfa.VerifySecondFactor;
import id.anycheck.auth.application.protection.UnlockUser;
import id.anycheck.auth.application.sso.BeginSingleSignOn;
import id.anycheck.auth.application.sso.CompleteSingleSignOn;
import id.anycheck.auth.application.sso.SingleSignOnAdministration;
import id.anycheck.auth.application.verification.Verifications;
import java.util.Objects;

/** The use cases the HTTP adapter calls. */
public record UseCases(
        LogIn logIn,
        RefreshSession refreshSession,
        LogOut logOut,
        AuthenticateAccessToken authenticateAccessToken,
        ShowCurrentUser showCurrentUser,
        CheckReadiness checkReadiness,
        AuthenticateApiKey authenticateApiKey,
        ShowCurrentApiKey showCurrentApiKey,
        IssueApiKey issueApiKey,
        RotateApiKey rotateApiKey,
        RevokeApiKey revokeApiKey,
        ListApiKeys listApiKeys,
        OrganizationSettings organizationSettings,
        GroupAdministration groupAdministration,
        UserAdministration userAdministration,
        Verifications verifications,
        ApplyRateLimits applyRateLimits,
        ListAuditEvents listAuditEvents,
        UnlockUser unlockUser,
        ChangePassword changePassword,
        EnrolTotp enrolTotp,
        ConfirmTotp confirmTotp,
        DisableTotp disableTotp,
        VerifySecondFactor verifySecondFactor,
        BeginSingleSignOn beginSingleSignOn,
        CompleteSingleSignOn completeSingleSignOn,
        SingleSignOnAdministration singleSignOnAdministration) {

    public UseCases {
        Objects.requireNonNull(logIn, "logIn");
        Objects.requireNonNull(refreshSession, "refreshSession");
        Objects.requireNonNull(logOut, "logOut");
        Objects.requireNonNull(authenticateAccessToken, "authenticateAccessToken");
        Objects.requireNonNull(showCurrentUser, "showCurrentUser");
        Objects.requireNonNull(checkReadiness, "checkReadiness");
        Objects.requireNonNull(authenticateApiKey, "authenticateApiKey");
        Objects.requireNonNull(showCurrentApiKey, "showCurrentApiKey");
        Objects.requireNonNull(issueApiKey, "issueApiKey");
        Objects.requireNonNull(rotateApiKey, "rotateApiKey");
        Objects.requireNonNull(revokeApiKey, "revokeApiKey");
        Objects.requireNonNull(listApiKeys, "listApiKeys");
        Objects.requireNonNull(organizationSettings, "organizationSettings");
        Objects.requireNonNull(groupAdministration, "groupAdministration");
        Objects.requireNonNull(userAdministration, "userAdministration");
        Objects.requireNonNull(verifications, "verifications");
        Objects.requireNonNull(applyRateLimits, "applyRateLimits");
        Objects.requireNonNull(listAuditEvents, "listAuditEvents");
        Objects.requireNonNull(unlockUser, "unlockUser");
        Objects.requireNonNull(changePassword, "changePassword");
        Objects.requireNonNull(enrolTotp, "enrolTotp");
        Objects.requireNonNull(confirmTotp, "confirmTotp");
        Objects.requireNonNull(disableTotp, "disableTotp");
        Objects.requireNonNull(verifySecondFactor, "verifySecondFactor");
        Objects.requireNonNull(beginSingleSignOn, "beginSingleSignOn");
        Objects.requireNonNull(completeSingleSignOn, "completeSingleSignOn");
        Objects.requireNonNull(singleSignOnAdministration, "singleSignOnAdministration");
    }
}
