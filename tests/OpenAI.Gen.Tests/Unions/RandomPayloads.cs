using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Tests.Unions;

/// <summary>
/// Random request JSON covering every union shape the spec allows, plus what newer servers send (unknown roles, part
/// types, modes, enum values and members). Deterministic for a seed. <see cref="Shapes"/> counts what was produced, so
/// a test can assert that every shape was really exercised.
/// </summary>
internal sealed class RandomPayloads
{
    private static readonly string[] Texts =
    {
        string.Empty, "Hello!", "You are a helpful assistant.", "multi\nline \"quoted\" \\ back\\slash\t tab",
        "emoji 😀, umlaut ü, CJK 漢字", "2024-08-06T12:00:00Z", "2024-08-06", "  padded  ", "<|endoftext|>", "\u0001 control \u001f",
        "{\"looks\": [\"like\", \"json\"]}", "null", "42",
    };

    private static readonly string[] Urls =
    {
        "https://example.com/a.png?x=1&y=2", "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
        "https://example.com/path%20with%20space.jpg", "https://例え.jp/画像.png", "relative/image.png",
    };

    private readonly Random _random;

    public RandomPayloads(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary>How often each shape was produced.</summary>
    public SortedDictionary<string, int> Shapes { get; } = new(StringComparer.Ordinal);

    public JObject ChatRequest()
    {
        var o = new JObject
        {
            ["model"] = Pick(CreateChatCompletionRequestModel.KnownValues.Concat(new[] { "gpt-4o-2024-08-06", "my-fine-tune:v1" }).ToArray()),
            ["messages"] = new JArray(Enumerable.Range(0, 1 + _random.Next(6)).Select(_ => Message())),
        };
        Maybe(o, "frequency_penalty", () => NumberOrNull(-2, 2));
        Maybe(o, "logit_bias", LogitBias);
        Maybe(o, "logprobs", () => Chance(0.2) ? JValue.CreateNull() : new JValue(Chance(0.5)));
        Maybe(o, "top_logprobs", () => Chance(0.2) ? JValue.CreateNull() : new JValue(_random.Next(6)));
        Maybe(o, "max_tokens", () => Chance(0.2) ? JValue.CreateNull() : new JValue(_random.Next(1, 4097)));
        Maybe(o, "n", () => Chance(0.2) ? JValue.CreateNull() : new JValue(_random.Next(1, 129)));
        Maybe(o, "presence_penalty", () => NumberOrNull(-2, 2));
        Maybe(o, "response_format", ResponseFormat);
        Maybe(o, "seed", () => Chance(0.2) ? JValue.CreateNull() : new JValue(Pick(new[] { long.MinValue, long.MaxValue, 0L, _random.Next() * 1000L })));
        Maybe(o, "stop", Stop);
        Maybe(o, "stream", () => Chance(0.2) ? JValue.CreateNull() : new JValue(Chance(0.5)));
        Maybe(o, "temperature", () => NumberOrNull(0, 2));
        Maybe(o, "top_p", () => NumberOrNull(0, 1));
        Maybe(o, "tools", () => new JArray(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Tool())));
        Maybe(o, "tool_choice", ToolChoice);
        Maybe(o, "user", () => Pick(Texts));
        Maybe(o, "function_call", FunctionCall);
        Maybe(o, "functions", () => new JArray(Enumerable.Range(0, _random.Next(1, 3)).Select(_ => Function())));
        NewerMembers<CreateChatCompletionRequest>(o, "parallel_tool_calls", "stream_options", "service_tier", "max_completion_tokens");
        return Shuffle(o);
    }

    public JObject CompletionRequest()
    {
        var o = new JObject
        {
            ["model"] = Pick(CreateCompletionRequestModel.KnownValues.Concat(new[] { "gpt-3.5-turbo-instruct-0914" }).ToArray()),
            ["prompt"] = Prompt(),
        };
        Maybe(o, "best_of", () => Chance(0.2) ? JValue.CreateNull() : new JValue(_random.Next(21)));
        Maybe(o, "echo", () => Chance(0.2) ? JValue.CreateNull() : new JValue(Chance(0.5)));
        Maybe(o, "frequency_penalty", () => NumberOrNull(-2, 2));
        Maybe(o, "logit_bias", LogitBias);
        Maybe(o, "logprobs", () => Chance(0.2) ? JValue.CreateNull() : new JValue(_random.Next(6)));
        Maybe(o, "max_tokens", () => Chance(0.2) ? JValue.CreateNull() : new JValue(_random.Next(4097)));
        Maybe(o, "n", () => Chance(0.2) ? JValue.CreateNull() : new JValue(_random.Next(1, 129)));
        Maybe(o, "presence_penalty", () => NumberOrNull(-2, 2));
        Maybe(o, "seed", () => Chance(0.2) ? JValue.CreateNull() : new JValue((long)_random.Next(int.MinValue, int.MaxValue) * 7));
        Maybe(o, "stop", Stop);
        Maybe(o, "stream", () => Chance(0.2) ? JValue.CreateNull() : new JValue(Chance(0.5)));
        Maybe(o, "suffix", () => Chance(0.2) ? JValue.CreateNull() : new JValue(Pick(Texts)));
        Maybe(o, "temperature", () => NumberOrNull(0, 2));
        Maybe(o, "top_p", () => NumberOrNull(0, 1));
        Maybe(o, "user", () => Pick(Texts));
        NewerMembers<CreateCompletionRequest>(o, "stream_options");
        return Shuffle(o);
    }

    private JObject Message()
    {
        JObject m;
        switch (_random.Next(7))
        {
            case 0:
                m = new JObject { ["role"] = "system", ["content"] = Pick(Texts) };
                MaybeName(m);
                Hit("message:system");
                break;
            case 1:
            case 2:
                m = new JObject { ["role"] = "user", ["content"] = UserContent() };
                MaybeName(m);
                Hit("message:user");
                break;
            case 3:
                m = new JObject { ["role"] = "assistant" };
                Maybe(m, "content", () => Chance(0.3) ? JValue.CreateNull() : new JValue(Pick(Texts)));
                MaybeName(m);
                Maybe(m, "tool_calls", () => new JArray(Enumerable.Range(0, _random.Next(1, 3)).Select(_ => ToolCall())));
                Maybe(m, "function_call", () => new JObject { ["arguments"] = "{\"city\":\"Paris\"}", ["name"] = "get_weather" });
                NewerMembers<ChatCompletionRequestAssistantMessage>(m, "refusal");
                Hit("message:assistant");
                break;
            case 4:
                m = new JObject { ["role"] = "tool", ["content"] = Pick(Texts), ["tool_call_id"] = "call_" + _random.Next(1000) };
                Hit("message:tool");
                break;
            case 5:
                m = new JObject { ["role"] = "function", ["content"] = Chance(0.3) ? JValue.CreateNull() : new JValue(Pick(Texts)), ["name"] = "get_weather" };
                Hit("message:function");
                break;
            default:
                // Roles no spec has (developer, new in 2025, is typed there, text parts only), with content shapes of any kind.
                m = new JObject
                {
                    ["role"] = Pick(new[] { "x_auditor", "critic", string.Empty }),
                    ["content"] = Chance(0.5) ? new JValue(Pick(Texts)) : new JArray(Part()),
                };
                NewerMembers<ChatCompletionRequestMessageUnknown>(m, "name", "metadata");
                Hit("message:unknown-role");
                break;
        }

        return Shuffle(m);
    }

    private JToken UserContent()
    {
        if (Chance(0.5))
        {
            Hit("content:string");
            return Pick(Texts);
        }

        Hit("content:parts");
        return new JArray(Enumerable.Range(0, _random.Next(1, 5)).Select(_ => Part()));
    }

    private JObject Part()
    {
        JObject part;
        switch (_random.Next(3))
        {
            case 0:
                part = new JObject { ["type"] = "text", ["text"] = Pick(Texts) };
                Hit("part:text");
                break;
            case 1:
                var image = new JObject { ["url"] = Pick(Urls) };
                Maybe(image, "detail", () => Pick(new[] { "auto", "low", "high", "ultra" }));
                Hit(image["detail"] == null ? "detail:absent" : "detail:" + image["detail"]);
                part = new JObject { ["type"] = "image_url", ["image_url"] = Shuffle(image) };
                Hit("part:image_url");
                break;
            default:
                // A part type no spec has: each spec types more of the real ones (refusal, input_audio, file).
                part = new JObject { ["type"] = "x_hologram", ["x_hologram"] = new JObject { ["data"] = "UklGRg==", ["format"] = Pick(new[] { "obj", "glb" }) } };
                Hit("part:unknown-type");
                break;
        }

        if (Chance(0.2))
        {
            part["cache_control"] = new JObject { ["type"] = "ephemeral" };
            Hit("part:unknown-member");
        }

        return Shuffle(part);
    }

    private JToken Stop()
    {
        switch (_random.Next(3))
        {
            case 0:
                Hit("stop:string");
                return Pick(Texts);
            case 1:
                Hit("stop:array");
                return new JArray(Enumerable.Range(0, _random.Next(0, 5)).Select(_ => Pick(Texts)));
            default:
                Hit("stop:null");
                return JValue.CreateNull();
        }
    }

    private JToken Prompt()
    {
        switch (_random.Next(6))
        {
            case 0:
                Hit("prompt:string");
                return Pick(Texts);
            case 1:
                Hit("prompt:strings");
                return new JArray(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Pick(Texts)));
            case 2:
                Hit("prompt:tokens");
                return Tokens();
            case 3:
                Hit("prompt:token-arrays");
                return new JArray(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Tokens()));
            case 4:
                Hit("prompt:null");
                return JValue.CreateNull();
            default:
                Hit("prompt:empty-array");
                return new JArray();
        }
    }

    private JArray Tokens() => new(Enumerable.Range(0, _random.Next(1, 6)).Select(_ => Pick(new[] { 0, 50256, int.MaxValue, _random.Next(100000) })));

    private JToken ToolChoice()
    {
        var choice = _random.Next(5) switch
        {
            0 => (JToken)"none",
            1 => "auto",
            2 => "required",
            3 => Shuffle(new JObject { ["type"] = "function", ["function"] = new JObject { ["name"] = "get_weather" } }),
            _ => JValue.CreateNull(),
        };
        Hit("tool_choice:" + (choice.Type == JTokenType.String ? (string)choice! : choice.Type.ToString()));
        return choice;
    }

    private JToken FunctionCall()
    {
        var choice = _random.Next(4) switch
        {
            0 => (JToken)"none",
            1 => "auto",
            2 => new JObject { ["name"] = "get_weather" },
            _ => JValue.CreateNull(),
        };
        Hit("function_call:" + (choice.Type == JTokenType.String ? (string)choice! : choice.Type.ToString()));
        return choice;
    }

    private JToken ResponseFormat()
    {
        JToken format = _random.Next(5) switch
        {
            // A tagged union requires the type; RequestMemberTests checks that '{}' is refused there.
            0 => ResponseFormats.IsTaggedUnion ? new JObject { ["type"] = "text" } : new JObject(),
            1 => new JObject { ["type"] = "text" },
            2 => new JObject { ["type"] = "json_object" },
            3 => new JObject
            {
                ["type"] = "json_schema",
                ["json_schema"] = new JObject
                {
                    ["name"] = "answer",
                    ["strict"] = true,
                    ["schema"] = JObject.Parse("{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\"}},\"required\":[\"x\"],\"additionalProperties\":false}"),
                },
            },
            _ => JValue.CreateNull(),
        };
        Hit("response_format:" + (format is JObject o ? (string?)o["type"] ?? "(no type)" : "null"));
        return format;
    }

    private JToken LogitBias()
    {
        if (Chance(0.2))
        {
            Hit("logit_bias:null");
            return JValue.CreateNull();
        }

        Hit("logit_bias:map");
        var map = new JObject();
        foreach (var token in Enumerable.Range(0, _random.Next(0, 6)).Select(_ => _random.Next(100000)).Distinct())
        {
            map[token.ToString(System.Globalization.CultureInfo.InvariantCulture)] = _random.Next(-100, 101);
        }

        return map;
    }

    private JObject Tool()
    {
        var tool = new JObject { ["type"] = "function", ["function"] = Function() };
        NewerMembers<FunctionObject>((JObject)tool["function"]!, "strict");
        return Shuffle(tool);
    }

    private JObject Function()
    {
        var function = new JObject { ["name"] = "get_weather" };
        Maybe(function, "description", () => Pick(Texts));
        Maybe(function, "parameters", () => JObject.Parse("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"));
        return Shuffle(function);
    }

    private JObject ToolCall() => Shuffle(new JObject
    {
        ["id"] = "call_" + _random.Next(1000),
        ["type"] = "function",
        ["function"] = new JObject { ["name"] = "get_weather", ["arguments"] = Pick(new[] { "{}", "{\"city\":\"Paris\"}", "not json" }) },
    });

    /// <summary>
    /// Adds members of newer API versions with values of any shape. A member the spec in use already types on
    /// <typeparamref name="T"/> (2024-08-23 types stream_options, ...) is renamed so that it stays one the client does not know.
    /// </summary>
    private void NewerMembers<T>(JObject o, params string[] names)
    {
        var typed = typeof(T).GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName).ToHashSet();
        foreach (var name in names.Where(_ => Chance(0.15)))
        {
            o[typed.Contains(name) ? "future_" + name : name] = _random.Next(4) switch
            {
                0 => new JValue(Chance(0.5)),
                1 => new JValue(Pick(Texts)),
                2 => new JObject { ["include_usage"] = true, ["nested"] = new JArray(1, 2.5, "x", JValue.CreateNull()) },
                _ => JValue.CreateNull(),
            };
            Hit("unknown-member");
        }
    }

    private void MaybeName(JObject m) => Maybe(m, "name", () => Pick(new[] { "alice", "bob_2", "émile" }));

    private void Maybe(JObject o, string name, Func<JToken> value)
    {
        if (Chance(0.35))
        {
            o[name] = value();
        }
    }

    private JToken NumberOrNull(double min, double max) =>
        Chance(0.2) ? JValue.CreateNull() : Chance(0.3) ? new JValue((long)Math.Round(min)) : new JValue(Math.Round(min + (_random.NextDouble() * (max - min)), 3));

    private JObject Shuffle(JObject o) => new(o.Properties().OrderBy(_ => _random.Next()).ToList());

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private void Hit(string shape) => Shapes[shape] = Shapes.TryGetValue(shape, out var n) ? n + 1 : 1;
}
