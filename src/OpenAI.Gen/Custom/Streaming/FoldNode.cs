using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>
/// Folds the JSON of successive deltas into one value, whatever members they have (so members of a newer spec,
/// typed or not, are folded like the known ones): strings are fragments and are concatenated, except identities
/// (<c>role</c>, <c>id</c>, <c>type</c>, <c>name</c>), which keep their first non-empty value; objects fold member
/// by member; array items that carry an <c>index</c> fold into the item with that index, other items are
/// appended; numbers and booleans replace; null never overwrites a value.
/// </summary>
internal sealed class FoldNode
{
    private static readonly HashSet<string> Identities = new() { "role", "id", "type", "name" };

    private readonly bool _isIdentity;
    private StringBuilder? _text;
    private JToken? _value;
    private Dictionary<string, FoldNode>? _members;
    private List<FoldNode>? _items;
    private SortedDictionary<long, FoldNode>? _indexedItems;

    public FoldNode(string? name = null)
    {
        _isIdentity = name != null && Identities.Contains(name);
    }

    public void Fold(JToken source)
    {
        switch (source)
        {
            case JValue { Type: JTokenType.Null }:
                _value ??= _text == null && _members == null && _items == null ? JValue.CreateNull() : null;
                break;
            case JValue { Type: JTokenType.String } text when _isIdentity:
                if (_value is not JValue { Type: JTokenType.String } current || string.IsNullOrEmpty((string?)current))
                {
                    _value = text.DeepClone();
                }

                break;
            case JValue { Type: JTokenType.String } text:
                Reset(keepText: true);
                (_text ??= new StringBuilder()).Append((string?)text);
                break;
            case JObject obj:
                Reset(keepMembers: true);
                _members ??= new Dictionary<string, FoldNode>();
                foreach (var member in obj.Properties())
                {
                    if (!_members.TryGetValue(member.Name, out var node))
                    {
                        _members.Add(member.Name, node = new FoldNode(member.Name));
                    }

                    node.Fold(member.Value);
                }

                break;
            case JArray array:
                Reset(keepItems: true);
                foreach (var item in array)
                {
                    FoldItem(item);
                }

                break;
            default:
                Reset();
                _value = source.DeepClone();
                break;
        }
    }

    /// <summary>The folded value as JSON; indexed array items in index order.</summary>
    public JToken ToToken()
    {
        if (_members != null)
        {
            return new JObject(_members.Select(m => new JProperty(m.Key, m.Value.ToToken())));
        }

        if (_items != null)
        {
            return new JArray((_indexedItems?.Values ?? Enumerable.Empty<FoldNode>()).Concat(_items).Select(i => i.ToToken()));
        }

        return _text != null ? new JValue(_text.ToString()) : _value?.DeepClone() ?? JValue.CreateNull();
    }

    private void FoldItem(JToken item)
    {
        if (item is JObject obj && obj["index"] is JValue { Type: JTokenType.Integer } index)
        {
            _indexedItems ??= new SortedDictionary<long, FoldNode>();
            var key = (long)index;
            if (!_indexedItems.TryGetValue(key, out var node))
            {
                _indexedItems.Add(key, node = new FoldNode());
            }

            node.Fold(obj);
            return;
        }

        var appended = new FoldNode();
        appended.Fold(item);
        _items!.Add(appended);
    }

    // A value of another JSON type than before replaces what was folded so far.
    private void Reset(bool keepText = false, bool keepMembers = false, bool keepItems = false)
    {
        _value = null;
        if (!keepText)
        {
            _text = null;
        }

        if (!keepMembers)
        {
            _members = null;
        }

        if (!keepItems)
        {
            _items = null;
            _indexedItems = null;
        }
        else
        {
            _items ??= new List<FoldNode>();
        }
    }
}
