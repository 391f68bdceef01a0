# Build, install and test mountaudit.
#
#   make                    release build (.build/release/mountaudit), Swift runtime linked in
#   make install            installs the binary, the manual page and the bash completion
#                           under $(DESTDIR)$(PREFIX) (default /usr/local)
#   make uninstall          removes what install installed
#   make test               scripts/test.sh: format lint, build and the whole test suite
#   make clean              removes .build

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
SWIFT ?= swift
INSTALL ?= install

BINARY := .build/release/mountaudit

.PHONY: all build install uninstall test clean

all: build

# --static-swift-stdlib links the Swift runtime and Foundation in: the binary needs only
# glibc and libmount on the machine it runs on.
build:
	$(SWIFT) build -c release --static-swift-stdlib --product mountaudit

# Building first keeps an installed binary from being older than the sources (an up-to-date
# build takes seconds).
install: build
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(COMPLETIONDIR)
	$(INSTALL) -m 755 $(BINARY) $(DESTDIR)$(BINDIR)/mountaudit
	$(INSTALL) -m 644 docs/mountaudit.1 $(DESTDIR)$(MANDIR)/man1/mountaudit.1
	$(INSTALL) -m 644 completions/mountaudit.bash $(DESTDIR)$(COMPLETIONDIR)/mountaudit

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/mountaudit $(DESTDIR)$(MANDIR)/man1/mountaudit.1 \
	  $(DESTDIR)$(COMPLETIONDIR)/mountaudit

test:
	scripts/test.sh

clean:
	rm -rf .build
