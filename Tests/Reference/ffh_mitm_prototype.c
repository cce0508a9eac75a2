/* Research prototype written in this repository's development sandbox (session 2, 2026-11-22) to test
   the meet-in-the-middle design of Sources/TSTables/FisherFreemanHalton*.swift before porting it. It is
   an independent implementation (r = 4 only, lgamma log-factorials, long double sums) and serves as the
   reference for the 4×6 N = 258 p-value in Tests/TSTablesTests/FisherFreemanHaltonNetworkTests.swift.
   Build and run:  cc -O2 -o /tmp/ffh_mitm Tests/Reference/ffh_mitm_prototype.c -lm
                   /tmp/ffh_mitm 8 12 10 15 9 11 10 9 14 8 12 7 12 11 9 10 13 12 9 13 11 12 8 13
   prints p = 0.90918440845640728 (about 1 s). */
/* Scratch prototype (research only): meet-in-the-middle FFH p-value for r=4 rows.
   Left pass: network over first H columns with exact max-completion bounds (M-concave hill climb),
   open entries recorded at stage H. Right pass: same from the other end. Combine per middle node by
   sort + two pointers. */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <time.h>
#define NR 4
#define B 68
#define NC_MAX 8
static double lf[2000];
static int R[NR];
static int NC; static int Cs[NC_MAX];
static int ord[NC_MAX];
static int H;               /* split stage */
static double *memo[NC_MAX+1]; static unsigned char *done[NC_MAX+1];
static double t, K;
static long long nodesMemo=0, evals=0;
static inline int idx(const int*u){return u[0]+B*(u[1]+B*(u[2]+B*u[3]));}
static inline double colf(const int*x){return -(lf[x[0]]+lf[x[1]]+lf[x[2]]+lf[x[3]]);}
double gmax(int s,const int*u);
static inline double hval(int s,const int*u,const int*x){int w[4];for(int i=0;i<4;i++)w[i]=u[i]-x[i];evals++;return colf(x)+gmax(s+1,w);}
double gmax(int s,const int*u){
  if(s==NC) return 0;
  if(s==NC-1) return colf(u);
  int id=idx(u); if(done[s][id]) return memo[s][id];
  int c=Cs[ord[s]], M=u[0]+u[1]+u[2]+u[3];
  int x[4], r=c; double fr[4];
  for(int i=0;i<4;i++){double e=(double)u[i]*c/M; x[i]=(int)floor(e); if(x[i]>u[i])x[i]=u[i]; fr[i]=e-x[i]; r-=x[i];}
  while(r>0){int bi=-1;double bf=-1;for(int i=0;i<4;i++) if(x[i]<u[i]&&fr[i]>bf){bf=fr[i];bi=i;} x[bi]++;fr[bi]=-1;r--;}
  double best=hval(s,u,x);
  for(;;){int bi=-1,bj=-1;double bv=best;
    for(int i=0;i<4;i++) if(x[i]<u[i]) for(int j=0;j<4;j++) if(j!=i&&x[j]>0){x[i]++;x[j]--;double v=hval(s,u,x);x[i]--;x[j]++; if(v>bv+1e-12){bv=v;bi=i;bj=j;}}
    if(bi<0)break; x[bi]++;x[bj]--;best=bv;}
  done[s][id]=1; memo[s][id]=best; nodesMemo++; return best;
}
static double logC(int s,const int*u){int M=u[0]+u[1]+u[2]+u[3];double v=lf[M];for(int i=0;i<4;i++)v-=lf[u[i]];for(int j=s;j<NC;j++)v-=lf[Cs[ord[j]]];return v;}
/* ---- open-children enumeration via nested concave scans ---- */
typedef void (*emit_fn)(int s,const int*u,double a,const int*x);
static int Ss; static const int*Uu; static int Cc;
static double phi(int x0,int x1,int x2){int x[4]={x0,x1,x2,Cc-x0-x1-x2};return hval(Ss,Uu,x);}
static int lo2(int x0,int x1){int r=Cc-x0-x1;int l=r-Uu[3];return l>0?l:0;}
static int hi2(int x0,int x1){int r=Cc-x0-x1;return r<Uu[2]?r:Uu[2];}
static double max2(int x0,int x1,int*arg){int lo=lo2(x0,x1),hi=hi2(x0,x1);if(lo>hi){*arg=-1;return -INFINITY;}
  int r=Cc-x0-x1; int s=(int)((double)r*Uu[2]/(Uu[2]+Uu[3]+1e-300)); if(s<lo)s=lo;if(s>hi)s=hi;
  double v=phi(x0,x1,s);
  for(;;){ if(s<hi){double w=phi(x0,x1,s+1); if(w>v){v=w;s++;continue;}} if(s>lo){double w=phi(x0,x1,s-1); if(w>v){v=w;s--;continue;}} break;}
  *arg=s;return v;}
static int lo1(int x0){int l=Cc-x0-Uu[2]-Uu[3];return l>0?l:0;}
static int hi1(int x0){int r=Cc-x0;return r<Uu[1]?r:Uu[1];}
static double max1(int x0,int*arg){int lo=lo1(x0),hi=hi1(x0);if(lo>hi){*arg=-1;return -INFINITY;}
  int r=Cc-x0; int s=(int)((double)r*Uu[1]/(Uu[1]+Uu[2]+Uu[3]+1e-300)); if(s<lo)s=lo;if(s>hi)s=hi; int a;
  double v=max2(x0,s,&a);
  for(;;){ if(s<hi){double w=max2(x0,s+1,&a); if(w>v){v=w;s++;continue;}} if(s>lo){double w=max2(x0,s-1,&a); if(w>v){v=w;s--;continue;}} break;}
  *arg=s;return v;}
static void enumOpen(int s,const int*u,double a,emit_fn emit){
  Ss=s;Uu=u;Cc=Cs[ord[s]]; double th=t-a; int M=u[0]+u[1]+u[2]+u[3];
  int lo0=Cc-u[1]-u[2]-u[3]; if(lo0<0)lo0=0; int hi0=Cc<u[0]?Cc:u[0]; if(lo0>hi0)return;
  int s0=(int)((double)Cc*u[0]/M); if(s0<lo0)s0=lo0; if(s0>hi0)s0=hi0; int a1;
  double v=max1(s0,&a1);
  for(;;){ if(s0<hi0){double w=max1(s0+1,&a1); if(w>v){v=w;s0++;continue;}} if(s0>lo0){double w=max1(s0-1,&a1); if(w>v){v=w;s0--;continue;}} break;}
  if(v<=th) return;
  for(int dir=0;dir<2;dir++) for(int x0=(dir?s0-1:s0); x0>=lo0&&x0<=hi0; x0+=(dir?-1:1)){
    Ss=s;Uu=u;Cc=Cs[ord[s]];
    int p1; double v1=max1(x0,&p1); if(v1<=th) break;
    for(int d1=0;d1<2;d1++) for(int x1=(d1?p1-1:p1); x1>=lo1(x0)&&x1<=hi1(x0); x1+=(d1?-1:1)){
      Ss=s;Uu=u;Cc=Cs[ord[s]];
      int p2; double v2=max2(x0,x1,&p2); if(v2<=th) break;
      for(int d2=0;d2<2;d2++) for(int x2=(d2?p2-1:p2); x2>=lo2(x0,x1)&&x2<=hi2(x0,x1); x2+=(d2?-1:1)){
        Ss=s;Uu=u;Cc=Cs[ord[s]];
        if(phi(x0,x1,x2)<=th) break;
        int x[4]={x0,x1,x2,Cc-x0-x1-x2}; emit(s,u,a,x);
        Ss=s;Uu=u;Cc=Cs[ord[s]];
      }
    }
  }
}
static double now(){struct timespec ts;clock_gettime(CLOCK_MONOTONIC,&ts);return ts.tv_sec+ts.tv_nsec*1e-9;}
/* ---- network passes with merging ---- */
typedef struct {int node; double a; double m;} Ent;
typedef struct {int w; double f; double h; double cw;} Child;
static int sortedKeys=0; static int pass;
static Child *cb; static long long ncb, capcb;
static void emitBuf(int s,const int*u,double a,const int*x){
  int w[4];for(int i=0;i<4;i++)w[i]=u[i]-x[i];
  if(ncb==capcb){capcb=capcb?capcb*2:4096;cb=realloc(cb,capcb*sizeof(Child));}
  double f=colf(x); if(sortedKeys&&pass==0){for(int a1=1;a1<4;a1++){int v=w[a1],b1=a1-1;while(b1>=0&&w[b1]>v){w[b1+1]=w[b1];b1--;}w[b1+1]=v;}} cb[ncb].w=idx(w); cb[ncb].f=f; cb[ncb].h=f+gmax(s+1,w); ncb++;
}
static int cmpEntNode(const void*p,const void*q){const Ent*a=p,*b=q; if(a->node!=b->node)return a->node<b->node?-1:1; return (a->a<b->a)-(a->a>b->a);} /* a desc */
static int cmpChildH(const void*p,const void*q){const Child*a=p,*b=q;return (a->h<b->h)-(a->h>b->h);} /* h desc */
/* hash for next stage */
typedef struct {unsigned long long key; long long idx;} HSlot;
static HSlot *ht; static long long hcap;
static Ent *nxt; static long long nnxt, capnxt;
static void hreset(long long expect){ long long c=1; while(c<expect*2)c<<=1; if(c<1024)c=1024; free(ht); ht=malloc(c*sizeof(HSlot)); hcap=c; for(long long i=0;i<c;i++)ht[i].idx=-1; nnxt=0;}
static void hgrow(void);
static void hput(int node,double a,double m){
  long long bin=llround(a*1e9); unsigned long long key=((unsigned long long)node<<40) ^ (unsigned long long)(bin+(1LL<<39));
  unsigned long long hsh=key; hsh^=hsh>>30; hsh*=0xbf58476d1ce4e5b9ULL; hsh^=hsh>>27; hsh*=0x94d049bb133111ebULL; hsh^=hsh>>31; long long i=(long long)(hsh&(hcap-1));
  while(ht[i].idx>=0){ if(ht[i].key==key){nxt[ht[i].idx].m+=m;return;} i=(i+1)&(hcap-1);}
  if(nnxt==capnxt){capnxt=capnxt?capnxt*2:1<<16;nxt=realloc(nxt,capnxt*sizeof(Ent));}
  ht[i].key=key;ht[i].idx=nnxt; nxt[nnxt].node=node;nxt[nnxt].a=a;nxt[nnxt].m=m;nnxt++;
  if(nnxt*2>hcap) hgrow();
}
static void hgrow(void){ long long nc=hcap*2; free(ht); ht=malloc(nc*sizeof(HSlot)); hcap=nc; for(long long i=0;i<nc;i++)ht[i].idx=-1;
  for(long long k=0;k<nnxt;k++){ long long bin=llround(nxt[k].a*1e9); unsigned long long key=((unsigned long long)nxt[k].node<<40) ^ (unsigned long long)(bin+(1LL<<39));
    unsigned long long hsh=key; hsh^=hsh>>30; hsh*=0xbf58476d1ce4e5b9ULL; hsh^=hsh>>27; hsh*=0x94d049bb133111ebULL; hsh^=hsh>>31; long long i=(long long)(hsh&(hcap-1)); while(ht[i].idx>=0) i=(i+1)&(hcap-1); ht[i].key=key; ht[i].idx=k; } }
static long double pacc=0;
static Ent* runPass(long long *nout, double T0){
  Ent *cur=malloc(sizeof(Ent)); long long ncur=1; cur[0].node=idx(R); cur[0].a=0; cur[0].m=1;
  long long childGen=0;
  for(int s=0;s<H;s++){
    qsort(cur,ncur,sizeof(Ent),cmpEntNode);
    hreset(ncur*8);
    for(long long i=0;i<ncur;){
      long long j=i; while(j<ncur&&cur[j].node==cur[i].node)j++;
      int key=cur[i].node; int u[4]; {int k=key; u[0]=k%B;k/=B;u[1]=k%B;k/=B;u[2]=k%B;u[3]=k/B;}
      double lcu=logC(s,u);
      ncb=0; enumOpen(s,u,cur[i].a,emitBuf);
      qsort(cb,ncb,sizeof(Child),cmpChildH);
      /* prefix sums of child mass fractions */
      long double *pre=malloc(sizeof(long double)*(ncb+1)); pre[0]=0;
      for(long long q=0;q<ncb;q++){int w[4];{int k=cb[q].w;w[0]=k%B;k/=B;w[1]=k%B;k/=B;w[2]=k%B;w[3]=k/B;} pre[q+1]=pre[q]+expl((long double)(cb[q].f+logC(s+1,w)-lcu));}
      long long k=ncb;
      for(long long e=i;e<j;e++){ double a=cur[e].a, m=cur[e].m; double th=t-a;
        while(k>0 && !(cb[k-1].h>th)) k--;
        if(pass==0) pacc += (long double)m*expl((long double)(K+a+lcu))*(1.0L-pre[k]);
        for(long long q=0;q<k;q++){ int nk=cb[q].w; if(s+1==H && pass==1){int w[4];{int kk=nk;w[0]=kk%B;kk/=B;w[1]=kk%B;kk/=B;w[2]=kk%B;w[3]=kk/B;} int z[4];for(int r=0;r<4;r++)z[r]=R[r]-w[r]; nk=idx(z);} 
          hput(nk,a+cb[q].f,m); childGen++; }
      }
      free(pre); i=j;
    }
    free(cur); cur=nxt; ncur=nnxt; nxt=NULL; capnxt=0; nnxt=0;
    fprintf(stderr,"  pass %d stage %d: distinct entries %lld (children generated so far %lld) t=%.2fs\n",pass,s+1,ncur,childGen,now()-T0);
  }
  *nout=ncur; return cur;
}
static int cmpEntNodeAsc(const void*p,const void*q){const Ent*a=p,*b=q; if(a->node!=b->node)return a->node<b->node?-1:1; return (a->a>b->a)-(a->a<b->a);} /* a asc */
int main(int argc,char**argv){
  /* table from args: r=4 rows, NC cols, row-major */
  int tab[4][NC_MAX]; NC=(argc-1)/4; if(NC<2||NC>NC_MAX||(argc-1)%4){fprintf(stderr,"need 4*c ints\n");return 1;}
  for(int i=0;i<4;i++)for(int j=0;j<NC;j++)tab[i][j]=atoi(argv[1+i*NC+j]);
  int N=0; for(int i=0;i<4;i++){R[i]=0;for(int j=0;j<NC;j++)R[i]+=tab[i][j];N+=R[i];}
  for(int j=0;j<NC;j++){Cs[j]=0;for(int i=0;i<4;i++)Cs[j]+=tab[i][j];}
  for(int i=0;i<4;i++) if(R[i]>=B){fprintf(stderr,"row total too big\n");return 1;}
  for(int n=0;n<2000;n++)lf[n]=lgamma(n+1.0);
  /* sort columns ascending (values only matter) */
  for(int a=0;a<NC;a++)for(int b=a+1;b<NC;b++)if(Cs[b]<Cs[a]){int z=Cs[a];Cs[a]=Cs[b];Cs[b]=z;}
  if(getenv("PERM")){const char*p=getenv("PERM");int tmp[NC_MAX];for(int j=0;j<NC;j++)tmp[j]=Cs[p[j]-'0'];memcpy(Cs,tmp,sizeof tmp);}
  fprintf(stderr,"cols:");for(int j=0;j<NC;j++)fprintf(stderr," %d",Cs[j]);fprintf(stderr,"\n");
  double vobs=0; for(int i=0;i<4;i++)for(int j=0;j<NC;j++)vobs-=lf[tab[i][j]];
  t=vobs+(getenv("TOL")?atof(getenv("TOL")):log1p(1e-7));
  K=-lf[N]; for(int i=0;i<4;i++)K+=lf[R[i]]; for(int j=0;j<NC;j++)K+=lf[Cs[j]];
  H=NC/2; if(argc>1&&getenv("SPLIT"))H=atoi(getenv("SPLIT"));
  double T0=now(); sortedKeys=1;
  for(int j=0;j<NC;j++)ord[j]=j;
  for(int s=0;s<=NC;s++){ memo[s]=calloc((size_t)B*B*B*B,sizeof(double)); done[s]=calloc((size_t)B*B*B*B,1);}
  pass=0; long long nl; Ent*L=runPass(&nl,T0);
  qsort(L,nl,sizeof(Ent),cmpEntNodeAsc);
  /* nodes at middle */
  typedef struct {int key; long long i0,i1; double theta;} MN; MN*mn=malloc(sizeof(MN)*(nl+1)); int nmn=0;
  for(long long i=0;i<nl;){long long j=i;while(j<nl&&L[j].node==L[i].node)j++; mn[nmn].key=L[i].node;mn[nmn].i0=i;mn[nmn].i1=j;mn[nmn].theta=t-L[j-1].a;nmn++;i=j;}
  /* stage-4 thresholds */
  double *th4=malloc(sizeof(double)*(size_t)B*B*B*B); for(long long q=0;q<(long long)B*B*B*B;q++)th4[q]=INFINITY;
  typedef struct {int v; int w; double f;} Edge; Edge*E=NULL; long long ne=0,cape=0;
  for(int k=0;k<nmn;k++){ int u[4];{int kk=mn[k].key;u[0]=kk%B;kk/=B;u[1]=kk%B;kk/=B;u[2]=kk%B;u[3]=kk/B;}
    ncb=0; enumOpen(H,u,t-mn[k].theta,emitBuf);
    for(long long q=0;q<ncb;q++){ if(ne==cape){cape=cape?cape*2:1<<16;E=realloc(E,cape*sizeof(Edge));} E[ne].v=k;E[ne].w=cb[q].w;E[ne].f=cb[q].f;ne++;
      double th=mn[k].theta-cb[q].f; if(th<th4[cb[q].w])th4[cb[q].w]=th; } }
  /* stage-4 lists (values of last two columns), sorted desc */
  int *l4start=malloc(sizeof(int)*(size_t)B*B*B*B); int *l4len=calloc((size_t)B*B*B*B,sizeof(int));
  double *vals4=NULL; long long nv4=0,capv4=0; long long n4nodes=0;
  for(long long q=0;q<ne;q++){ int w=E[q].w; if(l4len[w]!=0||th4[w]==-INFINITY) continue; 
    int u[4];{int kk=w;u[0]=kk%B;kk/=B;u[1]=kk%B;kk/=B;u[2]=kk%B;u[3]=kk/B;}
    ncb=0; enumOpen(H+1,u,t-th4[w],emitBuf); qsort(cb,ncb,sizeof(Child),cmpChildH);
    l4start[w]=(int)nv4; for(long long r=0;r<ncb;r++){ if(nv4==capv4){capv4=capv4?capv4*2:1<<16;vals4=realloc(vals4,capv4*sizeof(double));} vals4[nv4++]=cb[r].h; }
    l4len[w]=ncb?(int)ncb:-1; th4[w]=-INFINITY; n4nodes++; }
  /* edges sorted by v already (generated in v order). Build stage-3 lists and join */
  double *tmp=NULL; long long captmp=0; long long totalR=0, totalRd=0;
  long long e=0;
  for(int k=0;k<nmn;k++){ long long ntmp=0;
    while(e<ne&&E[e].v==k){ int w=E[e].w; double f=E[e].f; int len=l4len[w]; if(len>0){ double*vv=vals4+l4start[w];
        for(int r=0;r<len;r++){ double b=f+vv[r]; if(!(b>mn[k].theta))break; if(ntmp==captmp){captmp=captmp?captmp*2:1<<16;tmp=realloc(tmp,captmp*sizeof(double));} tmp[ntmp++]=b; } }
      e++; }
    /* hash-dedupe then sort distinct */
    long long hc=1024; while(hc<ntmp*2)hc<<=1; long long *hk=malloc(hc*sizeof(long long)); int *hv=malloc(hc*sizeof(int)); for(long long r=0;r<hc;r++)hv[r]=-1;
    double *cntv=malloc(sizeof(double)*(ntmp+1)); double *dv=malloc(sizeof(double)*(ntmp+1)); long long nd=0;
    for(long long r=0;r<ntmp;r++){ long long key=llround(tmp[r]*1e9); unsigned long long h=(unsigned long long)key; h^=h>>30; h*=0xbf58476d1ce4e5b9ULL; h^=h>>27; h*=0x94d049bb133111ebULL; h^=h>>31; long long p=h&(hc-1);
      while(hv[p]>=0&&hk[p]!=key)p=(p+1)&(hc-1); if(hv[p]>=0)cntv[hv[p]]+=1; else {hk[p]=key;hv[p]=(int)nd;dv[nd]=tmp[r];cntv[nd]=1;nd++;} }
    free(hk);free(hv); totalR+=ntmp;
    /* sort distinct (value,count) pairs */
    typedef struct {double v,c;} VC; VC*vc=malloc(sizeof(VC)*(nd+1)); for(long long r=0;r<nd;r++){vc[r].v=dv[r];vc[r].c=cntv[r];}
    int cmpvc(const void*p,const void*q){double a=((const VC*)p)->v,b=((const VC*)q)->v;return (a>b)-(a<b);}
    qsort(vc,nd,sizeof(VC),cmpvc); for(long long r=0;r<nd;r++){tmp[r]=vc[r].v;cntv[r]=vc[r].c;} free(vc); free(dv);
    totalRd+=nd;
    int v[4];{int kk=mn[k].key;v[0]=kk%B;kk/=B;v[1]=kk%B;kk/=B;v[2]=kk%B;v[3]=kk/B;}
    double lc=logC(H,v); double bmax=nd?tmp[nd-1]:0;
    long double*suf=malloc(sizeof(long double)*(nd+1)); suf[nd]=0; for(long long r=nd-1;r>=0;r--)suf[r]=suf[r+1]+(long double)cntv[r]*expl((long double)(tmp[r]-bmax));
    long long jj=nd;
    for(long long i=mn[k].i0;i<mn[k].i1;i++){ double a=L[i].a, th=t-a; while(jj>0&&tmp[jj-1]>th)jj--;
      long double above=nd?suf[jj]*expl((long double)bmax):0; pacc+=(long double)L[i].m*expl((long double)(K+a))*(expl((long double)lc)-above);} 
    free(suf); free(cntv);
  }
  printf("p = %.17Lg  (time %.3fs; middle nodes %d; left entries %lld; stage-3->4 edges %lld; stage-4 nodes %lld (values %lld); right values %lld (distinct %lld))\n",pacc,now()-T0,nmn,nl,ne,n4nodes,nv4,totalR,totalRd);
  return 0;
}
