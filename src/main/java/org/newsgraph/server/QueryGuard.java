package org.newsgraph.server;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.syntax.ElementAssign;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

/**
 * Refuses, before any evaluation, the queries whose cost the time limit cannot stop: expressions nested or chained
 * so deep that parsing or evaluating them exhausts the stack, and regular expressions with nested repetition
 * ("(.*a){12}"), whose matching time grows exponentially inside one call that no cancellation interrupts.
 */
final class QueryGuard {

    static final int MAX_NESTING = 64;
    static final int MAX_OPERATORS = 2_000;
    static final int MAX_PATTERN_LENGTH = 500;

    private QueryGuard() {
    }

    /** Why the query text is refused before parsing, or null: too deep a nesting, too many chained operators. */
    static String checkText(String sparql) {
        int depth = 0;
        int deepest = 0;
        int operators = 0;
        boolean inString = false;
        char quote = 0;
        for (int i = 0; i < sparql.length(); i++) {
            char c = sparql.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '#' -> {
                    // A comment (a '#' inside an IRI follows no space) runs to the end of its line.
                    if (i == 0 || Character.isWhitespace(sparql.charAt(i - 1))) {
                        int eol = sparql.indexOf('\n', i);
                        i = eol < 0 ? sparql.length() : eol;
                    }
                }
                case '"', '\'' -> {
                    inString = true;
                    quote = c;
                }
                case '(', '{', '[' -> deepest = Math.max(deepest, ++depth);
                case ')', '}', ']' -> depth--;
                case '|', '&' -> {
                    if (i + 1 < sparql.length() && sparql.charAt(i + 1) == c) {
                        operators++;
                        i++;
                    }
                }
                default -> {
                }
            }
        }
        if (deepest > MAX_NESTING) {
            return "expressions nested " + deepest + " deep (at most " + MAX_NESTING + ")";
        }
        if (operators > MAX_OPERATORS) {
            return operators + " chained || and && (at most " + MAX_OPERATORS + ")";
        }
        return null;
    }

    /** Why the parsed query is refused, or null: a regular expression whose matching could take exponential time. */
    static String checkQuery(Query query) {
        List<Expr> exprs = new ArrayList<>();
        if (query.getQueryPattern() != null) {
            ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
                @Override
                public void visit(ElementFilter el) {
                    exprs.add(el.getExpr());
                }

                @Override
                public void visit(ElementBind el) {
                    exprs.add(el.getExpr());
                }

                @Override
                public void visit(ElementAssign el) {
                    exprs.add(el.getExpr());
                }
            });
        }
        if (query.getProject() != null) {
            exprs.addAll(query.getProject().getExprs().values());
        }
        if (query.getHavingExprs() != null) {
            exprs.addAll(query.getHavingExprs());
        }
        if (query.getOrderBy() != null) {
            query.getOrderBy().forEach(c -> exprs.add(c.getExpression()));
        }
        if (query.getGroupBy() != null) {
            exprs.addAll(query.getGroupBy().getExprs().values());
        }
        for (Expr e : exprs) {
            String why = checkExpr(e);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private static String checkExpr(Expr e) {
        if (!(e instanceof ExprFunction f)) {
            return null;
        }
        if ((f instanceof E_Regex || f instanceof E_StrReplace) && f.numArgs() >= 2 && f.getArg(2) instanceof NodeValue p
                && p.isString()) {
            String pattern = p.getString();
            if (pattern.length() > MAX_PATTERN_LENGTH) {
                return "a regular expression of " + pattern.length() + " characters (at most " + MAX_PATTERN_LENGTH + ")";
            }
            if (hasNestedRepetition(pattern)) {
                return "a regular expression with nested repetition, whose matching time can grow exponentially: " + pattern;
            }
        }
        for (Expr arg : f.getArgs()) {
            String why = checkExpr(arg);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /** True for a repeated group that itself repeats something: "(a+)+", "(.*a){12}", "(x|y*)*". */
    static boolean hasNestedRepetition(String pattern) {
        List<Boolean> repeatsInside = new ArrayList<>();
        repeatsInside.add(false);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '(') {
                repeatsInside.add(false);
            } else if (c == ')' && repeatsInside.size() > 1) {
                boolean inner = repeatsInside.remove(repeatsInside.size() - 1);
                boolean repeated = i + 1 < pattern.length() && "*+{".indexOf(pattern.charAt(i + 1)) >= 0;
                if (inner && repeated) {
                    return true;
                }
                if (inner || repeated) {
                    repeatsInside.set(repeatsInside.size() - 1, true);
                }
            } else if (c == '*' || c == '+' || c == '{') {
                repeatsInside.set(repeatsInside.size() - 1, true);
            }
        }
        return false;
    }
}
