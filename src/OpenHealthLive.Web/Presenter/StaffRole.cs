namespace OpenHealthLive.Web.Presenter;

/// <summary>Who runs a talk: see <see cref="StaffMember"/> for what each may do.</summary>
public enum StaffRole
{
    /// <summary>Signed in with the presenter key: every session, and the programme.</summary>
    Organiser,

    /// <summary>Signed in with a session's speaker link: drives and moderates that session only.</summary>
    Speaker,

    /// <summary>Signed in with a session's moderator link: moderates that session's questions and polls; never the slides.</summary>
    Moderator,

    /// <summary>Signed in with a session's captioner link: writes its live captions; sees what the room sees, nothing more.</summary>
    Captioner,
}
