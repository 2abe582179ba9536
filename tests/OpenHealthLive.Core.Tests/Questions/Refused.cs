using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>Asserts a refusal by its stable code, the contract phones word their message from.</summary>
internal static class Refused
{
    public static async Task<LiveSessionException> WithAsync(string code, Func<Task> act)
    {
        var refusal = await Assert.ThrowsAsync<LiveSessionException>(act);
        Assert.Equal(code, refusal.Code);
        return refusal;
    }
}
