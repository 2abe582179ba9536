
namespace OpenHealthLive.Core.Questions;

/// <summary>
/// A write from a phone a moderator blocked. Deliberately not a <see cref="Refusals.RequestRefusedException"/> and
/// without a message for the phone: the web layer answers it with a refusal any phone can get, so the phone is not
/// told that it was blocked.
/// </summary>
public sealed class DeviceBlockedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeviceBlockedException() : base("The device is blocked in this session.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public DeviceBlockedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DeviceBlockedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
