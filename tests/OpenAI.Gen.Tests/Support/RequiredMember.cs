using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen.Tests.Support;

/// <summary>
/// A member the generated request type requires, read from its contract: which members are required depends on the spec
/// in use (the seed declares <c>model</c> in the request itself; some specs require it of a member an <c>allOf</c> base
/// declares, which the generated base does not enforce), so tests that need one ask the contract instead of naming it.
/// </summary>
public static class RequiredMember
{
    /// <summary>The first member of <typeparamref name="T"/> that must be present and non-null.</summary>
    public static JsonProperty Of<T>() =>
        ((JsonObjectContract)OpenAIJson.Default.CopySettings().ContractResolver!.ResolveContract(typeof(T))).Properties
        .First(p => p.Required == Required.Always && p.Writable);
}
