using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Unions;

/// <summary>A required member whose enum has one value (tool <c>type</c>, response <c>object</c>, …) is set by the constructor.</summary>
public class SingleValuedMemberTests
{
    [Test]
    public void Every_required_single_valued_enum_member_is_set_by_the_constructor()
    {
        var members = typeof(OpenAIClient).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) != null)
            .SelectMany(t => t.GetProperties().Select(p => (Type: t, Property: p)))
            .Where(m => m.Property.GetCustomAttribute<JsonPropertyAttribute>()?.Required == Required.Always
                        && typeof(ExtensibleEnum).IsAssignableFrom(m.Property.PropertyType)
                        && KnownValues(m.Property.PropertyType).Count == 1)
            .ToList();

        // Every spec so far has some (tool type, response object); the spec tool writes their constructors.
        Assert.That(members.Select(m => $"{m.Type.Name}.{m.Property.Name}"), Does.Contain("CreateChatCompletionResponse.Object").And.Contain("CreateCompletionResponse.Object"));
        foreach (var (type, property) in members)
        {
            var only = KnownValues(property.PropertyType)[0];
            Assert.That(property.GetValue(Activator.CreateInstance(type)), Is.EqualTo(only), $"new {type.Name}().{property.Name}");
        }
    }

    [Test]
    public void A_tool_is_written_with_its_type_without_setting_it()
    {
        var tool = new ChatCompletionTool { Function = new FunctionObject { Name = "get_weather" } };
        var call = new ChatCompletionMessageToolCall { Id = "call_1", Function = new ChatCompletionMessageToolCallFunction { Name = "get_weather", Arguments = "{}" } };
        Assert.Multiple(() =>
        {
            WireJson.AssertWritten(tool, "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}");
            WireJson.AssertWritten(call, "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}");
        });
    }

    [Test]
    public void Reading_still_requires_the_member_and_keeps_what_was_sent()
    {
        // Where the spec makes the tool a variant of a union of tool kinds, its type is the variant's fixed tag instead.
        var type = typeof(ChatCompletionTool).GetProperty("Type")!;
        if (!typeof(ExtensibleEnum).IsAssignableFrom(type.PropertyType))
        {
            Assert.That(type.CanWrite, Is.False, "a variant's tag is fixed");
            Assert.That(type.GetValue(new ChatCompletionTool()), Is.EqualTo("function"));
            return;
        }

        var e = Assert.Throws<JsonSerializationException>(() => WireJson.Read<ChatCompletionTool>("{\"function\":{\"name\":\"f\"}}"));
        Assert.That(e!.Message, Does.Contain("'type'"));
        var newer = WireJson.AssertRoundTrip<ChatCompletionTool>("{\"type\":\"code_interpreter\",\"function\":{\"name\":\"f\"}}");
        Assert.That(((ExtensibleEnum)type.GetValue(newer)!).Value, Is.EqualTo("code_interpreter"));
    }

    private static IList KnownValues(Type enumType) => (IList)enumType.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}
