namespace MeetingRoom.Web.Features.Members.Administration;

/// <summary>How a member signs in, derived from the account: a password, a company identity provider (an external login), both, or none yet (invited).</summary>
public enum SignInMethod
{
    None,
    Password,
    Sso,
    Both,
}
