/**
 * The LTI Advantage services the tool calls on a platform: OAuth 2 access tokens got with a signed client assertion
 * (1EdTech Security Framework 1.0 §4.1), and the Assignment and Grade Services 2.0 client (line items and scores),
 * with the paging {@code Link} headers they answer with. The protocol core: nothing here knows about quizzes,
 * grading rules or courses; callers hand in a registration and URLs from the launch.
 */
package com.essentialslti.lti.services;
