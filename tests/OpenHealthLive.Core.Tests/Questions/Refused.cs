using OpenHealthLive.Core.Refusals;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>Asserts a refusal by its stable code, the contract phones word their message from.</summary>
internal static class Refused
{
    public static async Task<RequestRefusedException> WithAsync(string code, Func<Task> act)
    {
        var refusal = await Assert.ThrowsAsync<RequestRefusedException>(act);
        Assert.Equal(code, refusal.Code);
        return refusal;
    }
}
