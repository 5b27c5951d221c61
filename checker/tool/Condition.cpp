//===- Condition.cpp - MSBuild's Condition attribute ----------------------===//
//
//   or-expr  := and-expr ('or' and-expr)*
//   and-expr := unary ('and' unary)*
//   unary    := '!' unary | compare
//   compare  := operand (('=='|'!='|'<'|'>'|'<='|'>=') operand)?
//   operand  := '(' or-expr ')' | 'text' | Function('arg', ...) | word
//
//===----------------------------------------------------------------------===//
#include "Condition.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <cstdlib>
#include <optional>

namespace wdfcheck {

namespace {

using llvm::StringRef;

// An operand: text, or the truth of a sub-expression.
struct Value {
  std::string Text;
  std::optional<bool> Truth;
};

class Parser {
public:
  Parser(StringRef Text, const ConditionContext &Ctx) : Rest(Text), Ctx(Ctx) {}

  bool parse(bool &Result, std::string &Err) {
    std::optional<bool> V = orExpr();
    skipSpace();
    if (Error.empty() && !Rest.empty())
      Error = "unexpected '" + Rest.str() + "'";
    if (!Error.empty() || !V) {
      Err = Error.empty() ? "not a condition" : Error;
      return false;
    }
    Result = *V;
    return true;
  }

private:
  StringRef Rest;
  const ConditionContext &Ctx;
  std::string Error;

  void skipSpace() { Rest = Rest.ltrim(); }

  // A keyword (and, or) only as a whole word.
  bool takeWord(StringRef Word) {
    skipSpace();
    if (Rest.size() < Word.size() ||
        !Rest.take_front(Word.size()).equals_insensitive(Word))
      return false;
    if (Rest.size() > Word.size() && llvm::isAlnum(Rest[Word.size()]))
      return false;
    Rest = Rest.drop_front(Word.size());
    return true;
  }

  bool take(StringRef Token) {
    skipSpace();
    return Rest.consume_front(Token);
  }

  std::optional<bool> truth(const Value &V) {
    if (V.Truth)
      return V.Truth;
    if (StringRef(V.Text).trim().equals_insensitive("true"))
      return true;
    if (StringRef(V.Text).trim().equals_insensitive("false"))
      return false;
    Error = "'" + V.Text + "' is not true or false";
    return std::nullopt;
  }

  std::optional<bool> orExpr() {
    std::optional<bool> L = andExpr();
    while (L && takeWord("or")) {
      std::optional<bool> R = andExpr();
      if (!R)
        return std::nullopt;
      L = *L || *R;
    }
    return L;
  }

  std::optional<bool> andExpr() {
    std::optional<bool> L = unary();
    while (L && takeWord("and")) {
      std::optional<bool> R = unary();
      if (!R)
        return std::nullopt;
      L = *L && *R;
    }
    return L;
  }

  std::optional<bool> unary() {
    skipSpace();
    if (Rest.starts_with("!") && !Rest.starts_with("!=")) {
      Rest = Rest.drop_front();
      std::optional<bool> V = unary();
      if (!V)
        return std::nullopt;
      return !*V;
    }
    return compare();
  }

  std::optional<bool> compare() {
    std::optional<Value> L = operand();
    if (!L)
      return std::nullopt;
    for (StringRef Op : {"==", "!=", "<=", ">=", "<", ">"}) {
      if (!take(Op))
        continue;
      std::optional<Value> R = operand();
      if (!R)
        return std::nullopt;
      return compareValues(Op, L->Text, R->Text);
    }
    return truth(*L);
  }

  // MSBuild compares as numbers when both sides are numbers, else as
  // strings without regard to case.
  static bool compareValues(StringRef Op, StringRef A, StringRef B) {
    double X = 0, Y = 0;
    bool Numbers = !A.trim().getAsDouble(X) && !B.trim().getAsDouble(Y);
    int Order = Numbers ? (X < Y ? -1 : X > Y ? 1 : 0)
                        : A.compare_insensitive(B);
    if (Op == "==")
      return Order == 0;
    if (Op == "!=")
      return Order != 0;
    if (Op == "<")
      return Order < 0;
    if (Op == ">")
      return Order > 0;
    if (Op == "<=")
      return Order <= 0;
    return Order >= 0;
  }

  std::optional<Value> operand() {
    skipSpace();
    if (take("(")) {
      std::optional<bool> V = orExpr();
      if (!V)
        return std::nullopt;
      if (!take(")")) {
        Error = "missing ')'";
        return std::nullopt;
      }
      return Value{"", V};
    }
    if (Rest.starts_with("'"))
      return quoted();
    return word();
  }

  std::optional<Value> quoted() {
    size_t End = Rest.find('\'', 1);
    if (End == StringRef::npos) {
      Error = "missing closing quote";
      return std::nullopt;
    }
    std::string Text = Ctx.Expand(Rest.slice(1, End));
    Rest = Rest.drop_front(End + 1);
    return Value{Text, std::nullopt};
  }

  // A bare operand: true, 12, $(Prop), or a function call Exists('...').
  std::optional<Value> word() {
    size_t I = 0;
    while (I < Rest.size()) {
      char C = Rest[I];
      if ((C == '$' || C == '%' || C == '@') && I + 1 < Rest.size() &&
          Rest[I + 1] == '(') {
        size_t Close = Rest.find(')', I);
        I = Close == StringRef::npos ? Rest.size() : Close + 1;
        continue;
      }
      if (llvm::isSpace(C) || StringRef("=!<>()'").contains(C))
        break;
      ++I;
    }
    StringRef Word = Rest.take_front(I);
    Rest = Rest.drop_front(I);
    if (Word.empty()) {
      Error = Rest.empty() ? "missing operand"
                           : "unexpected '" + Rest.str() + "'";
      return std::nullopt;
    }
    if (take("("))
      return call(Word);
    return Value{Ctx.Expand(Word), std::nullopt};
  }

  std::optional<Value> call(StringRef Name) {
    llvm::SmallVector<std::string, 2> Args;
    while (!take(")")) {
      if (!Args.empty() && !take(",")) {
        Error = "missing ')' after the arguments of " + Name.str();
        return std::nullopt;
      }
      std::optional<Value> A = operand();
      if (!A)
        return std::nullopt;
      Args.push_back(A->Text);
    }
    if (Name.equals_insensitive("Exists") && Args.size() == 1)
      return Value{"", !StringRef(Args[0]).trim().empty() &&
                           Ctx.Exists(StringRef(Args[0]).trim())};
    if (Name.equals_insensitive("HasTrailingSlash") && Args.size() == 1)
      return Value{"", StringRef(Args[0]).ends_with("\\") ||
                           StringRef(Args[0]).ends_with("/")};
    Error = "unknown function " + Name.str() + "()";
    return std::nullopt;
  }
};

} // namespace

bool evaluateCondition(StringRef Condition, const ConditionContext &Ctx,
                       bool &Value, std::string &Error) {
  if (Condition.trim().empty()) {
    Value = true;
    return true;
  }
  return Parser(Condition, Ctx).parse(Value, Error);
}

} // namespace wdfcheck
