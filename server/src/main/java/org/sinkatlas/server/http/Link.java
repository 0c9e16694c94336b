package org.sinkatlas.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A web link as OGC API documents write them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String href, String rel, String type, String title) {

    public static Link of(String href, String rel, String type, String title) {
        return new Link(href, rel, type, title);
    }
}
