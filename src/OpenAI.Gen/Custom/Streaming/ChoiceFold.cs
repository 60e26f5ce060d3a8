using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>One choice (by index) of a stream: the members it streams go through <see cref="FoldNode"/>, the rest through <see cref="MemberFold"/>.</summary>
internal sealed class ChoiceFold
{
    private readonly HashSet<string> _streamed;
    private readonly Dictionary<string, FoldNode> _nodes = new();
    private readonly MemberFold _members = new();

    /// <param name="streamed">The members whose values are fragments: <c>delta</c> and <c>logprobs</c> of chat, <c>text</c> and <c>logprobs</c> of completions.</param>
    public ChoiceFold(params string[] streamed)
    {
        _streamed = new HashSet<string>(streamed);
    }

    public void Fold(JObject choice)
    {
        foreach (var member in choice.Properties())
        {
            if (!_streamed.Contains(member.Name))
            {
                _members.Fold(member.Name, member.Value);
                continue;
            }

            if (!_nodes.TryGetValue(member.Name, out var node))
            {
                _nodes.Add(member.Name, node = new FoldNode());
            }

            node.Fold(member.Value);
        }
    }

    /// <summary>The folded choice; <c>logprobs</c> and <c>finish_reason</c> are written even before a chunk brought them, as a response has them.</summary>
    public JObject ToJson()
    {
        var choice = new JObject();
        _members.CopyTo(choice);
        foreach (var node in _nodes)
        {
            choice[node.Key] = node.Value.ToToken();
        }

        foreach (var member in new[] { "logprobs", "finish_reason" })
        {
            if (choice[member] == null)
            {
                choice[member] = JValue.CreateNull();
            }
        }

        return choice;
    }
}
