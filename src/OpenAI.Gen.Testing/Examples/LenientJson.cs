using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>
/// Reads the hand-written JSON of spec examples. Newtonsoft alone accepts trailing commas without a word, so this
/// scanner checks the grammar itself: it repairs trailing commas, a missing comma between members or items, and
/// <c>....</c> elision lines between JSON-lines values, naming each repair as a defect with its location. Anything
/// else that is not JSON stops the scan with a <see cref="DefectCodes.NotJson"/> defect.
/// </summary>
internal sealed class LenientJson
{
    private static readonly Regex NumberPattern = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    private readonly char[] _text;
    private readonly TextOrigin _origin;
    private readonly List<int> _lineStarts = new() { 0 };
    private readonly List<int> _insertedCommas = new();
    private readonly List<ExampleFinding> _defects = new();
    private readonly List<(int Start, int End)> _spans = new();
    private readonly Stack<Frame> _stack = new();
    private int _pos;
    private int _topStart;
    private int _lastValueEnd;

    private LenientJson(string text, TextOrigin origin)
    {
        _text = text.ToCharArray();
        _origin = origin;
        for (var i = 0; i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    private enum State
    {
        Open,
        AfterKey,
        AfterColon,
        AfterValue,
        AfterComma,
    }

    /// <summary>Reads <paramref name="text"/>; positions are reported through <paramref name="origin"/>.</summary>
    public static LenientJsonResult Parse(string text, TextOrigin origin)
    {
        var reader = new LenientJson(text, origin);
        var complete = reader.Scan();
        var values = reader.Materialize();
        if (complete && values.Count == 0 && reader._defects.All(d => d.Code != DefectCodes.NotJson))
        {
            reader.Fail(0, "the example holds no JSON value");
        }

        return new LenientJsonResult(values, reader._defects);
    }

    private bool Scan()
    {
        while (true)
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                if (_stack.Count > 0)
                {
                    var open = _stack.Peek();
                    return Fail(_pos, $"the text ends inside the {(open.IsObject ? "object" : "array")} opened at line {LineOf(open.Start)}");
                }

                return true;
            }

            var c = _text[_pos];
            if (_stack.Count == 0)
            {
                if (c == '.' && TryElision())
                {
                    continue;
                }

                if (!IsValueStart(c))
                {
                    return Fail(_pos, $"expected a JSON value but found {Describe(_pos)}");
                }

                _topStart = _pos;
                if (!ReadValue())
                {
                    return false;
                }

                continue;
            }

            var frame = _stack.Peek();
            var closer = frame.IsObject ? '}' : ']';
            switch (frame.State)
            {
                case State.Open when c == closer:
                    Close();
                    break;
                case State.Open or State.AfterComma when frame.IsObject:
                    if (c == '}')
                    {
                        TrailingComma(frame);
                        Close();
                    }
                    else if (c == '"')
                    {
                        if (!ReadString())
                        {
                            return false;
                        }

                        frame.State = State.AfterKey;
                    }
                    else
                    {
                        return Fail(_pos, $"expected a member name in quotes but found {Describe(_pos)}");
                    }

                    break;
                case State.Open or State.AfterComma:
                    if (c == ']')
                    {
                        TrailingComma(frame);
                        Close();
                    }
                    else if (!IsValueStart(c))
                    {
                        return Fail(_pos, $"expected an array item but found {Describe(_pos)}");
                    }
                    else if (!ReadValue())
                    {
                        return false;
                    }

                    break;
                case State.AfterKey:
                    if (c != ':')
                    {
                        return Fail(_pos, $"expected ':' after the member name but found {Describe(_pos)}");
                    }

                    _pos++;
                    frame.State = State.AfterColon;
                    break;
                case State.AfterColon:
                    if (!IsValueStart(c))
                    {
                        return Fail(_pos, $"expected a member value but found {Describe(_pos)}");
                    }

                    if (!ReadValue())
                    {
                        return false;
                    }

                    break;
                default:
                    if (c == ',')
                    {
                        frame.CommaAt = _pos++;
                        frame.State = State.AfterComma;
                    }
                    else if (c == closer)
                    {
                        Close();
                    }
                    else if (frame.IsObject ? c == '"' : IsValueStart(c))
                    {
                        // The next member/item follows with no comma: insert one where the previous value ended.
                        _insertedCommas.Add(_lastValueEnd);
                        AddDefect(DefectCodes.MissingComma, _pos, $"missing ',' before {Describe(_pos)}; inserted one");
                        frame.CommaAt = -1;
                        frame.State = State.AfterComma;
                    }
                    else
                    {
                        return Fail(_pos, $"expected ',' or '{closer}' but found {Describe(_pos)}");
                    }

                    break;
            }
        }
    }

    private void TrailingComma(Frame frame)
    {
        if (frame.State == State.AfterComma && frame.CommaAt >= 0)
        {
            _text[frame.CommaAt] = ' ';
            AddDefect(DefectCodes.TrailingComma, frame.CommaAt, $"trailing ',' before '{_text[_pos]}'; dropped it");
        }
    }

    private bool TryElision()
    {
        var lineStart = _lineStarts[LineOf(_pos) - 1];
        var lineEnd = Array.IndexOf(_text, '\n', _pos);
        if (lineEnd < 0)
        {
            lineEnd = _text.Length;
        }

        for (var i = lineStart; i < lineEnd; i++)
        {
            if (_text[i] != '.' && !char.IsWhiteSpace(_text[i]))
            {
                return false;
            }
        }

        AddDefect(DefectCodes.ElisionLine, _pos, "a line of dots stands for elided values; dropped it");
        for (var i = _pos; i < lineEnd; i++)
        {
            _text[i] = ' ';
        }

        _pos = lineEnd;
        return true;
    }

    private bool ReadValue()
    {
        var c = _text[_pos];
        switch (c)
        {
            case '{' or '[':
                _stack.Push(new Frame(c == '{', _pos));
                _pos++;
                return true;
            case '"':
                if (!ReadString())
                {
                    return false;
                }

                break;
            case 't' or 'f' or 'n':
                var start = _pos;
                while (_pos < _text.Length && char.IsLetterOrDigit(_text[_pos]))
                {
                    _pos++;
                }

                var word = new string(_text, start, _pos - start);
                if (word is not ("true" or "false" or "null"))
                {
                    return Fail(start, $"'{word}' is not a JSON literal");
                }

                break;
            default:
                var numberStart = _pos;
                while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] is '-' or '+' or '.' or 'e' or 'E'))
                {
                    _pos++;
                }

                var number = new string(_text, numberStart, _pos - numberStart);
                if (!NumberPattern.IsMatch(number))
                {
                    return Fail(numberStart, $"'{number}' is not a JSON number");
                }

                break;
        }

        ValueDone();
        return true;
    }

    private bool ReadString()
    {
        var start = _pos++;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\\')
            {
                _pos += 2;
            }
            else if (c == '"')
            {
                _pos++;
                return true;
            }
            else if (c == '\n')
            {
                break;
            }
            else
            {
                _pos++;
            }
        }

        return Fail(start, "the string is not closed on its line");
    }

    private void Close()
    {
        _stack.Pop();
        _pos++;
        ValueDone();
    }

    private void ValueDone()
    {
        _lastValueEnd = _pos;
        if (_stack.Count == 0)
        {
            _spans.Add((_topStart, _pos));
        }
        else
        {
            _stack.Peek().State = State.AfterValue;
        }
    }

    private List<ParsedJsonValue> Materialize()
    {
        var values = new List<ParsedJsonValue>();
        foreach (var (start, end) in _spans)
        {
            var json = new StringBuilder(end - start + 4);
            for (var i = start; i < end; i++)
            {
                if (_insertedCommas.Contains(i))
                {
                    json.Append(',');
                }

                json.Append(_text[i]);
            }

            var line = LineOf(start);
            var column = start - _lineStarts[line - 1] + 1;
            try
            {
                values.Add(new ParsedJsonValue(ParseStrict(json.ToString()), line, column));
            }
            catch (JsonReaderException e)
            {
                // The scanner checks structure only; escapes, duplicate members and the like are found here.
                var errorLine = line + Math.Max(e.LineNumber, 1) - 1;
                var location = _origin.Locate(errorLine, e.LineNumber <= 1 ? column + e.LinePosition - 1 : e.LinePosition);
                _defects.Add(new ExampleFinding(FindingCategory.Defect, DefectCodes.NotJson, e.Message, location));
            }
        }

        return values;
    }

    /// <summary>Parses one JSON value as the client would read it: strings stay strings, duplicate members are an error.</summary>
    internal static JToken ParseStrict(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        if (reader.Read())
        {
            throw new JsonReaderException($"unexpected {reader.TokenType} after the JSON value", reader.Path, reader.LineNumber, reader.LinePosition, null);
        }

        return token;
    }

    private bool Fail(int at, string message)
    {
        _defects.Add(new ExampleFinding(FindingCategory.Defect, DefectCodes.NotJson, message, Locate(at)));
        return false;
    }

    private void AddDefect(string code, int at, string message) =>
        _defects.Add(new ExampleFinding(FindingCategory.Defect, code, message, Locate(at), repaired: true));

    private ExampleLocation Locate(int at)
    {
        var line = LineOf(at);
        return _origin.Locate(line, at - _lineStarts[line - 1] + 1);
    }

    private int LineOf(int at)
    {
        var index = _lineStarts.BinarySearch(at);
        return index >= 0 ? index + 1 : ~index;
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\r' or '\n')
        {
            _pos++;
        }
    }

    private string Describe(int at)
    {
        if (at >= _text.Length)
        {
            return "the end of the text";
        }

        var end = at;
        while (end < _text.Length && end - at < 24 && _text[end] != '\n')
        {
            end++;
        }

        return "'" + new string(_text, at, end - at).TrimEnd() + "'";
    }

    private static bool IsValueStart(char c) => c is '{' or '[' or '"' or '-' or 't' or 'f' or 'n' || (c >= '0' && c <= '9');

    private sealed class Frame
    {
        public Frame(bool isObject, int start)
        {
            IsObject = isObject;
            Start = start;
        }

        public bool IsObject { get; }

        public int Start { get; }

        public State State { get; set; }

        public int CommaAt { get; set; } = -1;
    }
}
