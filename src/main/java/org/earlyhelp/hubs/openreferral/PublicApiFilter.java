package org.earlyhelp.hubs.openreferral;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.earlyhelp.shared.limits.ClientAddress;
import org.earlyhelp.shared.limits.RequestLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the Open Referral API: lets any web page read it ({@code Access-Control-Allow-Origin:
 * *}, no credentials), allows reading only, and limits each address (an IPv6 /64 counts as one) to
 * a number of calls a minute, kept in PostgreSQL so that the limit holds across instances. Over
 * the limit, the answer is 429 with {@code Retry-After}.
 */
class PublicApiFilter extends OncePerRequestFilter {

    private final RequestLimits limits;
    private final RequestLimits.Limit limit;

    PublicApiFilter(RequestLimits limits, int callsPerMinute) {
        this.limits = limits;
        this.limit = new RequestLimits.Limit("open-referral", callsPerMinute, Duration.ofMinutes(1));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        response.setHeader("Access-Control-Max-Age", "86400");
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD, OPTIONS");
            problem(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "The directory API is read-only.");
            return;
        }
        RequestLimits.Decision decision = limits.take(limit, ClientAddress.key(request.getRemoteAddr()));
        if (!decision.allowed()) {
            long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(seconds));
            problem(
                    response,
                    429,
                    "Too many calls from this address: at most " + limit.calls() + " a minute. Try again in " + seconds
                            + " seconds.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void problem(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":" + status + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<PublicApiFilter> openReferralFilter(
                RequestLimits limits, @Value("${earlyhelp.open-referral.calls-per-minute:60}") int callsPerMinute) {
            FilterRegistrationBean<PublicApiFilter> registration =
                    new FilterRegistrationBean<>(new PublicApiFilter(limits, callsPerMinute));
            registration.addUrlPatterns(OpenReferralApi.ROOT, OpenReferralApi.ROOT + "/*");
            return registration;
        }
    }
}
