namespace OpenHealthLive.Web.Presenter;

/// <summary>Why an attempt must wait.</summary>
public enum SignInRefusal
{
    None,
    Address,
    Device,
    Global,
}
